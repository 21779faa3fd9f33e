package org.beacon.rules;

import java.util.List;
import java.util.Optional;
import org.beacon.rules.model.Diagnostic;
import org.beacon.rules.model.Severity;
import org.beacon.rules.model.TestOutcome;

/**
 * What compiling a set of workbooks produced: every diagnostic, every test outcome, and the rule set when there was
 * no error. Immutable.
 */
public record Compilation(CompiledRuleSet compiled, String contentHash, List<Diagnostic> diagnostics,
        List<TestOutcome> tests) {

    public Compilation {
        diagnostics = List.copyOf(diagnostics);
        tests = List.copyOf(tests);
    }

    /** The rule set, present only when no diagnostic is an error (failing tests included). */
    public Optional<CompiledRuleSet> ruleSet() {
        return Optional.ofNullable(compiled);
    }

    public boolean succeeded() {
        return compiled != null;
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).toList();
    }
}
