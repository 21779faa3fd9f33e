package org.beacon.rules;

import java.util.List;
import org.beacon.rules.evaluation.SituationValues;
import org.beacon.rules.model.Situation;
import org.beacon.rules.model.SituationProblem;

/**
 * A situation as {@link CompiledRuleSet#check} found it: the situation itself, what does not fit the rule set's
 * dictionary, and (kept inside) the canonical values and signal statistics the check computed, which
 * {@link CompiledRuleSet#evaluate(CheckedSituation, boolean)} decides from without computing them again. Immutable.
 */
public final class CheckedSituation {

    private final Situation situation;
    private final SituationValues values;

    CheckedSituation(Situation situation, SituationValues values) {
        this.situation = situation;
        this.values = values;
    }

    public Situation situation() {
        return situation;
    }

    /** What does not fit the dictionary, each with its JSON pointer; empty when the situation can be decided. */
    public List<SituationProblem> problems() {
        return values.problems();
    }

    public boolean isValid() {
        return values.problems().isEmpty();
    }

    SituationValues values() {
        return values;
    }
}
