package org.beacon.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.rules.Workbooks.compile;
import static org.beacon.rules.Workbooks.only;

import java.util.List;
import org.beacon.rules.model.Diagnostic;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.Severity;
import org.beacon.rules.model.TestOutcome;
import org.beacon.rules.model.WorkbookSource;
import org.junit.jupiter.api.Test;

/** Each defect an expert can make is reported at its exact cell with a stable code, and nothing is compiled. */
class WorkbookDiagnosticsTest {

    private static WorkbookBuilder choleraWith(Object... ruleRow) {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("Cholera").row("Table", "Cholera").row("Hit policy", "highest grade").blank()
                .row("IF cases", "THEN grade", "THEN label")
                .row("≥30", "Ⅱ", "ok")
                .row(ruleRow);
        return b;
    }

    @Test
    void validWorkbookCompilesWithoutErrors() {
        Compilation c = compile(WorkbookBuilder.cholera());
        assertThat(c.errors()).isEmpty();
        assertThat(c.succeeded()).isTrue();
    }

    @Test
    void reportsUnknownIndicatorAtItsHeaderCellWithCloseNames() {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("Cholera").row("Table", "Cholera").row("Hit policy", "first match").blank()
                .row("IF cases", "IF death", "THEN grade")
                .row("≥30", "-", "Ⅱ");
        Compilation c = compile(b);
        Diagnostic d = only(c, "UNKNOWN_INDICATOR");
        assertThat(d.location()).isEqualTo("Cholera!B4");
        assertThat(d.message()).contains("death").contains("deaths");
        assertThat(c.succeeded()).isFalse();
    }

    @Test
    void reportsTextInANumericColumnAsWrongType() {
        Diagnostic d = only(compile(choleraWith("many", "Ⅲ", "x")), "WRONG_TYPE");
        assertThat(d.location()).isEqualTo("Cholera!A6");
        assertThat(d.message()).contains("cases").contains("many");
    }

    @Test
    void reportsAFractionForAnIntegerIndicatorAsWrongType() {
        assertThat(only(compile(choleraWith("≥2.5", "Ⅲ", "x")), "WRONG_TYPE").location()).isEqualTo("Cholera!A6");
    }

    @Test
    void reportsAValueOutsideTheDictionaryRange() {
        Diagnostic d = only(compile(choleraWith("≥200000", "Ⅲ", "x")), "VALUE_OUT_OF_RANGE");
        assertThat(d.location()).isEqualTo("Cholera!A6");
        assertThat(d.message()).contains("[0, 100000]");
    }

    @Test
    void reportsAnOperatorOutsideTheAllowlist() {
        assertThat(only(compile(choleraWith("≈10", "Ⅲ", "x")), "UNKNOWN_OPERATOR").location())
                .isEqualTo("Cholera!A6");
        assertThat(only(compile(choleraWith("=>10", "Ⅲ", "x")), "UNKNOWN_OPERATOR").location())
                .isEqualTo("Cholera!A6");
    }

    @Test
    void reportsAnUnknownOperatorInAHeader() {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("Cholera").row("Table", "Cholera").row("Hit policy", "first match").blank()
                .row("IF cases approx", "THEN grade").row("10", "Ⅲ");
        assertThat(only(compile(b), "UNKNOWN_OPERATOR").location()).isEqualTo("Cholera!A4");
    }

    @Test
    void reportsAnInvalidGrade() {
        assertThat(only(compile(choleraWith("10～29", "Ⅴ", "x")), "INVALID_VALUE").location())
                .isEqualTo("Cholera!B6");
    }

    @Test
    void reportsAnEnumValueTheDictionaryDoesNotList() {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("Cholera").row("Table", "Cholera").row("Hit policy", "first match").blank()
                .row("IF eventType", "IF cases", "THEN grade").row("cholrea", "≥30", "Ⅱ");
        Diagnostic d = only(compile(b), "INVALID_VALUE");
        assertThat(d.location()).isEqualTo("Cholera!A5");
        assertThat(d.message()).contains("did you mean cholera");
    }

    @Test
    void reportsAMisspeltHeaderInsteadOfSilentlyIgnoringIt() {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("Cholera").row("Table", "Cholera").row("Hit policy", "first match").blank()
                .row("IF cases", "CONDITON", "Comment", "THEN grade").row("≥30", "x", "y", "Ⅱ");
        Compilation c = compile(b);
        assertThat(c.errors()).extracting(Diagnostic::location, Diagnostic::code).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("Cholera!B4", "UNKNOWN_HEADER"),
                org.assertj.core.groups.Tuple.tuple("Cholera!C4", "UNKNOWN_HEADER"));
    }

    @Test
    void reportsAnUnknownHeaderAndTheBadCellsOfItsTableInOneCheck() {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("Cholera").row("Table", "Cholera").row("Hit policy", "first match").blank()
                .row("IF cases", "CONDITON", "THEN grade")
                .row("many", "x", "Ⅱ")
                .row("10～29", "y", "Ⅴ");
        Compilation c = compile(b);
        assertThat(c.errors()).extracting(Diagnostic::location, Diagnostic::code).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("Cholera!B4", "UNKNOWN_HEADER"),
                org.assertj.core.groups.Tuple.tuple("Cholera!A5", "WRONG_TYPE"),
                org.assertj.core.groups.Tuple.tuple("Cholera!C6", "INVALID_VALUE"));
        assertThat(c.succeeded()).isFalse();
    }

    @Test
    void reportsAnUnknownIndicatorInAHeaderAndTheBadCellsOfItsTableInOneCheckWithoutDuplicateRows() {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("Cholera").row("Table", "Cholera").row("Hit policy", "first match").blank()
                .row("IF cases", "IF death", "THEN grade")
                .row("≥30", "0", "Ⅱ")
                .row("≥30", "1", "Ⅰ")
                .row("≥200000", "2", "Ⅲ");
        Compilation c = compile(b);
        assertThat(c.errors()).as("rows that differ only in the unknown column are not duplicates")
                .extracting(Diagnostic::location, Diagnostic::code).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("Cholera!B4", "UNKNOWN_INDICATOR"),
                org.assertj.core.groups.Tuple.tuple("Cholera!A7", "VALUE_OUT_OF_RANGE"));
    }

    @Test
    void reportsATableWithoutHitPolicy() {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("Cholera").row("Table", "Cholera").blank().row("IF cases", "THEN grade").row("≥30", "Ⅱ");
        assertThat(only(compile(b), "MISSING_PROPERTY").location()).isEqualTo("Cholera!A2");
    }

    @Test
    void reportsAnUnknownHitPolicy() {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("Cholera").row("Table", "Cholera").row("Hit policy", "last wins").blank()
                .row("IF cases", "THEN grade").row("≥30", "Ⅱ");
        assertThat(only(compile(b), "UNKNOWN_HIT_POLICY").location()).isEqualTo("Cholera!B2");
    }

    @Test
    void reportsADuplicateRowNamingTheEarlierOne() {
        Diagnostic d = only(compile(choleraWith("30以上", "Ⅲ", "x")), "DUPLICATE_ROW");
        assertThat(d.location()).isEqualTo("Cholera!R6");
        assertThat(d.message()).contains("row 5");
    }

    @Test
    void reportsAnUnknownParameter() {
        Diagnostic d = only(compile(choleraWith("≥ {choleraLimit}", "Ⅲ", "x")), "UNKNOWN_PARAMETER");
        assertThat(d.location()).isEqualTo("Cholera!A6");
    }

    @Test
    void reportsEmptyRequiredDictionaryCells() {
        WorkbookBuilder b = new WorkbookBuilder();
        b.sheet("Dictionary").row("Dictionary").row("Name", "Type", "Values", "Unit", "Min", "Max", "说明",
                "Description").row("cases", null, null, "例", 0, 10);
        b.sheet("T").row("Table").row("Hit policy", "first match").blank().row("IF cases", "THEN grade")
                .row("1", "Ⅳ");
        Compilation c = compile(b);
        Diagnostic d = c.errors().get(0);
        assertThat(d.code()).isEqualTo("EMPTY_REQUIRED_CELL");
        assertThat(d.location()).isEqualTo("Dictionary!B3");
    }

    @Test
    void reportsInvalidDictionaryEntries() {
        WorkbookBuilder b = new WorkbookBuilder();
        b.sheet("Dictionary").row("Dictionary").row("Name", "Type", "Values", "Unit", "Min", "Max")
                .row("weekly cases", "integer")
                .row("cases", "count")
                .row("level", "enum")
                .row("ratio", "decimal", null, null, 5, 1);
        Compilation c = compile(b);
        assertThat(c.errors()).extracting(Diagnostic::location, Diagnostic::code).contains(
                org.assertj.core.groups.Tuple.tuple("Dictionary!A3", "INVALID_DICTIONARY_ENTRY"),
                org.assertj.core.groups.Tuple.tuple("Dictionary!B4", "INVALID_DICTIONARY_ENTRY"),
                org.assertj.core.groups.Tuple.tuple("Dictionary!C5", "EMPTY_REQUIRED_CELL"),
                org.assertj.core.groups.Tuple.tuple("Dictionary!E6", "INVALID_DICTIONARY_ENTRY"));
    }

    @Test
    void reportsAFailingTestRowAtItsExpectCell() {
        WorkbookBuilder b = WorkbookBuilder.cholera();
        b.sheet("Tests").row("Tests").row("GIVEN eventType", "GIVEN cases", "EXPECT grade", "NOTE")
                .row("cholera", 30, "Ⅱ", "passes")
                .row("cholera", 29, "Ⅱ", "wrong on purpose: 29 is Ⅲ");
        Compilation c = compile(b);
        Diagnostic d = only(c, "TEST_FAILED");
        assertThat(d.location()).isEqualTo("Tests!C4");
        assertThat(d.message()).contains("expected grade Ⅱ, got Ⅲ").contains("Cholera!R7");
        assertThat(c.tests()).extracting(TestOutcome::passed).containsExactly(true, false);
        assertThat(c.succeeded()).as("a failing test is an error").isFalse();
    }

    @Test
    void reportsTheSameSheetNameInTwoWorkbooks() {
        List<WorkbookSource> sources = List.of(WorkbookBuilder.cholera().source("a.xlsx"),
                new WorkbookBuilder().choleraTable().source("b.xlsx"));
        Compilation c = new RuleSetCompiler().compile(sources);
        Diagnostic d = only(c, "DUPLICATE_SHEET");
        assertThat(d.workbook()).isEqualTo("b.xlsx");
        assertThat(d.location()).isEqualTo("Cholera");
    }

    @Test
    void sharesOneDictionaryAcrossWorkbooks() {
        List<WorkbookSource> sources = List.of(new WorkbookBuilder().dictionary().source("dictionary.xlsx"),
                new WorkbookBuilder().choleraTable().source("cholera.xlsx"));
        Compilation c = new RuleSetCompiler().compile(sources);
        assertThat(c.errors()).isEmpty();
        assertThat(c.ruleSet().orElseThrow().evaluate(Workbooks.situation("cholera", java.util.Map.of("cases", 31)))
                .grade()).isEqualTo(Grade.II);
    }

    @Test
    void reportsAWorkbookWithoutTables() {
        assertThat(only(compile(new WorkbookBuilder().dictionary()), "NO_TABLES").severity())
                .isEqualTo(Severity.ERROR);
    }

    @Test
    void ignoresNoteSheetsWithAnInfo() {
        WorkbookBuilder b = WorkbookBuilder.cholera();
        b.sheet("说明").row("这是说明");
        Diagnostic d = only(compile(b), "SHEET_IGNORED");
        assertThat(d.severity()).isEqualTo(Severity.INFO);
        assertThat(d.location()).isEqualTo("说明");
    }

    @Test
    void usesTheSavedValueOfAFormulaWithAWarningAndNeverEvaluatesIt() {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("Cholera").row("Table", "Cholera").row("Hit policy", "first match").blank()
                .row("IF cases", "THEN grade").row("x", "Ⅱ")
                .formula(5, 1, "10+20", true);
        Compilation c = compile(b);
        assertThat(only(c, "FORMULA_NOT_EVALUATED").location()).isEqualTo("Cholera!A5");
        assertThat(c.ruleSet().orElseThrow().evaluate(Workbooks.situation("cholera", java.util.Map.of("cases", 30)))
                .firedRules()).containsExactly("Cholera!R5");
    }

    @Test
    void treatsAFormulaWithoutSavedValueAsEmpty() {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("Cholera").row("Table", "Cholera").row("Hit policy", "first match").blank()
                .row("IF cases", "THEN grade").row("x", "Ⅱ")
                .formula(5, 1, "SUM(A1:A4)", false);
        Compilation c = compile(b);
        assertThat(only(c, "FORMULA_NOT_EVALUATED").message()).contains("(none)");
        assertThat(c.ruleSet().orElseThrow().tables().get(0).rules().get(0).conditions().get(0).isAny()).isTrue();
    }
}
