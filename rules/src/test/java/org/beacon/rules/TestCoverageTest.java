package org.beacon.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.rules.Workbooks.compile;

import java.util.Locale;
import org.beacon.rules.model.Diagnostic;
import org.beacon.rules.model.DiagnosticMessages;
import org.beacon.rules.model.Severity;
import org.junit.jupiter.api.Test;

/** What {@code beacon check} says the Tests sheets leave untested: rows no case answers, thresholds on one side. */
class TestCoverageTest {

    /** Cholera rows 7 (≥30 → Ⅱ), 8 (10～29 → Ⅲ), 9 (1～9 → Ⅳ), with {@code coverage} as its Coverage property. */
    private static WorkbookBuilder cholera(String coverage) {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        WorkbookBuilder.Sheet s = b.sheet("Cholera").row("Table", "Cholera").row("Hit policy", "highest grade")
                .row("Event types", "cholera");
        if (coverage != null) {
            s.row("Coverage", coverage);
        } else {
            s.row("Gaps", "expected");
        }
        s.blank().row("IF cases", "THEN grade").row("≥30", "Ⅱ").row("10～29", "Ⅲ").row("1～9", "Ⅳ");
        return b;
    }

    private static WorkbookBuilder.Sheet tests(WorkbookBuilder b) {
        return b.sheet("Tests").row("Tests").row("GIVEN eventType", "GIVEN cases", "EXPECT grade");
    }

    @Test
    void reportsEachRowNoTestCaseAnswersAsAnInfo() {
        WorkbookBuilder b = cholera(null);
        tests(b).row("cholera", 12, "Ⅲ");
        Compilation c = compile(b);
        assertThat(c.succeeded()).isTrue();
        assertThat(c.diagnostics()).filteredOn(d -> d.code().equals("ROW_NOT_TESTED"))
                .extracting(Diagnostic::location).containsExactlyInAnyOrder("Cholera!R7", "Cholera!R9");
        assertThat(c.diagnostics()).filteredOn(d -> d.code().equals("ROW_NOT_TESTED"))
                .allMatch(d -> d.severity() == Severity.INFO);
    }

    @Test
    void namesTheValuesOnEachSideOfAThresholdThatNoCaseGives() {
        WorkbookBuilder b = cholera(null);
        tests(b).row("cholera", 12, "Ⅲ").row("cholera", 29, "Ⅲ").row("cholera", 30, "Ⅱ");
        Diagnostic d = c(b).stream().filter(x -> x.location().equals("Cholera!A8")).findFirst().orElseThrow();
        assertThat(d.code()).isEqualTo("BOUNDARY_NOT_TESTED");
        assertThat(d.message()).isEqualTo("cases [10, 29] is not tested on both sides of its ends: no test case "
                + "gives cases = 10, cases = 9");
        assertThat(DiagnosticMessages.message(d, Locale.SIMPLIFIED_CHINESE)).contains("没有测试用例给出 cases = 10, "
                + "cases = 9");
    }

    @Test
    void saysNothingOfARowTestedOnBothSidesOfEachEnd() {
        WorkbookBuilder b = cholera(null);
        tests(b).row("cholera", 9, "Ⅳ").row("cholera", 10, "Ⅲ").row("cholera", 29, "Ⅲ").row("cholera", 30, "Ⅱ")
                .row("cholera", 1, "Ⅳ").row("cholera", 0, "none");
        assertThat(c(b)).filteredOn(d -> d.code().equals("ROW_NOT_TESTED") || d.code().equals("BOUNDARY_NOT_TESTED"))
                .isEmpty();
    }

    @Test
    void makesWhatIsUntestedAnErrorWhenTheTableRequiresCoverage() {
        WorkbookBuilder b = cholera("required");
        tests(b).row("cholera", 12, "Ⅲ");
        Compilation c = compile(b);
        assertThat(c.succeeded()).isFalse();
        assertThat(c.errors()).extracting(Diagnostic::location).contains("Cholera!R7", "Cholera!R9", "Cholera!A8");
    }

    @Test
    void requiresCoverageInChineseToo() {
        WorkbookBuilder b = cholera("必需");
        tests(b).row("cholera", 12, "Ⅲ");
        assertThat(compile(b).errors()).extracting(Diagnostic::code).contains("ROW_NOT_TESTED");
    }

    @Test
    void refusesACoverageSettingThereIsNot() {
        WorkbookBuilder b = cholera("always");
        Diagnostic d = Workbooks.only(compile(b), "INVALID_VALUE");
        assertThat(d.location()).isEqualTo("Cholera!B4");
        assertThat(d.message()).contains("'always' is not a Coverage setting");
    }

    @Test
    void listsNothingForAWorkbookWithoutTests() {
        assertThat(c(cholera(null))).extracting(Diagnostic::code).doesNotContain("ROW_NOT_TESTED",
                "BOUNDARY_NOT_TESTED");
    }

    private static java.util.List<Diagnostic> c(WorkbookBuilder b) {
        Compilation c = compile(b);
        assertThat(c.errors()).isEmpty();
        return c.diagnostics();
    }
}
