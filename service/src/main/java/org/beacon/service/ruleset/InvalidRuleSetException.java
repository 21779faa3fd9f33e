package org.beacon.service.ruleset;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.beacon.rules.model.Diagnostic;
import org.beacon.rules.model.DiagnosticMessages;
import org.beacon.rules.model.TestOutcome;
import org.beacon.service.web.AnswerLanguage;
import org.beacon.service.web.ProblemException;
import org.beacon.service.web.ProblemType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;

/** Uploaded workbooks with errors (failing tests included). Becomes a 422 problem listing every diagnostic. */
public final class InvalidRuleSetException extends ProblemException {

    static final ProblemType KIND = new ProblemType("invalid-rule-set", 422, "Invalid rule set");

    private final transient List<Diagnostic> diagnostics;
    private final transient List<TestOutcome> tests;
    private final Locale language;

    /** @param language the language of each diagnostic's detail: 简体中文 or English */
    InvalidRuleSetException(List<Diagnostic> diagnostics, List<TestOutcome> tests, Locale language) {
        super(KIND, diagnostics.stream().filter(Diagnostic::isError).count() + " error(s) in the uploaded "
                + "workbooks; nothing was stored");
        this.diagnostics = List.copyOf(diagnostics);
        this.tests = List.copyOf(tests);
        this.language = language;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public List<TestOutcome> tests() {
        return tests;
    }

    /** Every diagnostic with its workbook and cell, and how many of the workbooks' tests passed and failed. */
    @Override
    protected void addMembers(ProblemDetail problem) {
        problem.setProperty("diagnostics", diagnostics.stream().map(d -> Map.of("severity",
                d.severity().name().toLowerCase(Locale.ROOT), "workbook", d.workbook(), "cell", d.location(),
                "code", d.code(), "detail", DiagnosticMessages.message(d, language))).toList());
        problem.setProperty("testsPassed", tests.stream().filter(t -> t.passed()).count());
        problem.setProperty("testsFailed", tests.stream().filter(t -> !t.passed()).count());
    }

    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        AnswerLanguage.tell(headers, language);
        return headers;
    }
}
