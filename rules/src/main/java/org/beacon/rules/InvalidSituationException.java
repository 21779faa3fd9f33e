package org.beacon.rules;

import java.util.List;
import org.beacon.rules.model.SituationProblem;

/** Thrown by {@link CompiledRuleSet#evaluate} for a situation that does not fit the rule set's dictionary. */
public final class InvalidSituationException extends RuntimeException {

    private final transient List<SituationProblem> problems;

    public InvalidSituationException(List<SituationProblem> problems) {
        super(problems.stream().map(p -> p.pointer() + ": " + p.message()).reduce((a, b) -> a + "; " + b)
                .orElse("invalid situation"));
        this.problems = List.copyOf(problems);
    }

    public List<SituationProblem> problems() {
        return problems;
    }
}
