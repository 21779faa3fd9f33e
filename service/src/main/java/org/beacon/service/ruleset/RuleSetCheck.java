package org.beacon.service.ruleset;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Locale;
import org.beacon.rules.model.DiagnosticMessages;
import org.beacon.rules.model.Message;
import org.beacon.rules.model.TestOutcome;

/**
 * What an upload of these workbooks would give, without storing anything: every diagnostic, every test row of the
 * test sheets, the size of the version, and what it would change against its base.
 *
 * @param valid true when no diagnostic is an error (failing tests included): an upload would store the version
 * @param base the version the upload would change (the version in force today unless {@code base=} names one)
 * @param existing the version these workbooks with this effective date already are (an upload would return it as it
 *     is); null when an upload would make a new version
 * @param detail the same in a sentence
 * @param workbooks the version's workbooks, the base's kept ones included
 * @param replacedWorkbooks the base's workbooks an uploaded one replaces
 * @param addedWorkbooks uploaded workbooks the base does not have
 * @param removedWorkbooks the base's workbooks the version would not have
 * @param diagnostics every finding, errors, warnings and notes (severity {@code info}), in workbook order
 * @param tests each row of the test sheets, when they ran (they do not when a workbook has other errors)
 * @param diff what changes from the base; null when the workbooks have errors
 */
public record RuleSetCheck(boolean valid, String base, String existing, String detail, List<String> workbooks,
        List<String> replacedWorkbooks, List<String> addedWorkbooks, List<String> removedWorkbooks,
        List<RuleSetView.DiagnosticView> diagnostics, List<TestRow> tests, Summary summary, VersionDiff diff) {

    /** The name the diff gives the checked workbooks, which are no version yet. */
    public static final String CHECKED = "checked";

    public RuleSetCheck {
        workbooks = List.copyOf(workbooks);
        replacedWorkbooks = List.copyOf(replacedWorkbooks);
        addedWorkbooks = List.copyOf(addedWorkbooks);
        removedWorkbooks = List.copyOf(removedWorkbooks);
        diagnostics = List.copyOf(diagnostics);
        tests = List.copyOf(tests);
    }

    /**
     * One row of a test sheet.
     *
     * @param row {@code Tests!R34}
     * @param detail what differed ({@code Tests!N34: expected grade Ⅱ, got Ⅲ …}) in the language asked for; empty
     *     when it passed
     * @param text the same as a key and arguments, to show it in another language; not part of the JSON
     */
    public record TestRow(String workbook, String row, boolean passed, String detail, @JsonIgnore Message text) {
        public TestRow(String workbook, String row, boolean passed, String detail) {
            this(workbook, row, passed, detail, null);
        }

        static TestRow of(TestOutcome t, Locale language) {
            return new TestRow(t.workbook(), t.location(), t.passed(), DiagnosticMessages.message(t, language),
                    t.text());
        }

        /** The detail in {@code language}: 简体中文 or English. */
        public String detailIn(Locale language) {
            return text == null ? detail : DiagnosticMessages.render(text, language);
        }
    }

    /**
     * The size of the version and of its findings.
     *
     * @param tables decision tables (sheets with Table in A1), counted from the cells as read
     * @param ruleRows their rule rows
     * @param cells non-blank cells of every sheet read
     * @param tests rows of the test sheets that ran
     */
    public record Summary(int workbooks, int tables, long ruleRows, long cells, int tests, int testsPassed,
            int testsFailed, int errors, int warnings, int infos) {
    }
}
