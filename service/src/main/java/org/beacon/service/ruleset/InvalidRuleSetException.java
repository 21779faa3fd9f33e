package org.beacon.service.ruleset;

import java.util.List;
import org.beacon.rules.model.Diagnostic;
import org.beacon.rules.model.TestOutcome;

/** Uploaded workbooks with errors (failing tests included). Becomes a 422 problem listing every diagnostic. */
public final class InvalidRuleSetException extends RuntimeException {

    private final transient List<Diagnostic> diagnostics;
    private final transient List<TestOutcome> tests;

    InvalidRuleSetException(List<Diagnostic> diagnostics, List<TestOutcome> tests) {
        super(diagnostics.stream().filter(Diagnostic::isError).count() + " error(s) in the uploaded workbooks; "
                + "nothing was stored");
        this.diagnostics = List.copyOf(diagnostics);
        this.tests = List.copyOf(tests);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public List<TestOutcome> tests() {
        return tests;
    }
}
