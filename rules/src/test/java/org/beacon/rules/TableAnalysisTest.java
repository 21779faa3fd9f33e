package org.beacon.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.rules.Workbooks.compile;
import static org.beacon.rules.Workbooks.withCode;

import java.util.List;
import org.beacon.rules.model.Diagnostic;
import org.beacon.rules.model.Severity;
import org.junit.jupiter.api.Test;

/** Gaps, overlaps and rows that never answer are reported as warnings naming the rows and values involved. */
class TableAnalysisTest {

    @Test
    void reportsAGapWithAnInputNoRowMatches() {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("Food").row("Table").row("Hit policy", "highest grade").blank()
                .row("IF cases", "IF deaths", "THEN grade")
                .row("超过100", "-", "Ⅲ")
                .row("30～99", "0", "Ⅳ")
                .row("-", "≥1", "Ⅲ")
                .row("0～29", "0", null);
        Compilation c = compile(b);
        assertThat(c.errors()).isEmpty();
        List<Diagnostic> gaps = withCode(c, "TABLE_GAP");
        assertThat(gaps).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.location()).isEqualTo("Food!R4");
            assertThat(d.message()).contains("cases = 100, deaths = 0");
        });
    }

    @Test
    void gapsATableExpectsAreInfos() {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("T").row("Table").row("Hit policy", "first match").row("Gaps", "expected").blank()
                .row("IF cases", "THEN grade").row("≥10", "Ⅲ");
        assertThat(withCode(compile(b), "TABLE_GAP")).singleElement()
                .satisfies(d -> assertThat(d.severity()).isEqualTo(Severity.INFO));
    }

    @Test
    void reportsOverlappingRowsUnderFirstMatch() {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("T").row("Table").row("Hit policy", "first match").row("Gaps", "expected").blank()
                .row("IF cases", "THEN grade").row("1～5", "Ⅲ").row("5～10", "Ⅱ");
        Diagnostic d = Workbooks.only(compile(b), "ROWS_OVERLAP");
        assertThat(d.location()).isEqualTo("T!R7");
        assertThat(d.message()).contains("rows 6 and 7").contains("cases = 5").contains("row 6 wins");
    }

    @Test
    void overlapsATableExpectsAreInfosStillNamingBothRows() {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("T").row("Table").row("Hit policy", "first match").row("Gaps", "expected")
                .row("Overlaps", "expected").blank()
                .row("IF cases", "THEN grade").row("1～5", "Ⅲ").row("5～10", "Ⅱ");
        Diagnostic d = Workbooks.only(compile(b), "ROWS_OVERLAP");
        assertThat(d.severity()).isEqualTo(Severity.INFO);
        assertThat(d.location()).isEqualTo("T!R8");
        assertThat(d.message()).contains("rows 7 and 8").contains("overlaps are expected");
    }

    @Test
    void refusesAnOverlapsSettingItDoesNotKnow() {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("T").row("Table").row("Hit policy", "first match").row("重叠", "sometimes").blank()
                .row("IF cases", "THEN grade").row("1～5", "Ⅲ");
        Diagnostic d = Workbooks.only(compile(b), "INVALID_VALUE");
        assertThat(d.location()).isEqualTo("T!B3");
        assertThat(d.message()).contains("'sometimes' is not an Overlaps setting");
    }

    @Test
    void doesNotCallTheSameOverlapAProblemUnderHighestGrade() {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("T").row("Table").row("Hit policy", "highest grade").row("Gaps", "expected").blank()
                .row("IF cases", "THEN grade").row("1～5", "Ⅲ").row("5～10", "Ⅱ");
        assertThat(withCode(compile(b), "ROWS_OVERLAP")).isEmpty();
    }

    @Test
    void reportsARowShadowedByAnUpperRow() {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("T").row("Table").row("Hit policy", "first match").row("Gaps", "expected").blank()
                .row("IF cases", "THEN grade").row("≥10", "Ⅲ").row("≥30", "Ⅱ");
        Compilation c = compile(b);
        Diagnostic never = Workbooks.only(c, "ROW_NEVER_FIRES");
        assertThat(never.location()).isEqualTo("T!R7");
        assertThat(never.message()).contains("upper row");
    }

    @Test
    void reportsARowBeatenByAMoreSeriousGradeEverywhere() {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("T").row("Table").row("Hit policy", "highest grade").row("Gaps", "expected").blank()
                .row("IF cases", "THEN grade").row("≥10", "Ⅱ").row("≥30", "Ⅲ");
        assertThat(Workbooks.only(compile(b), "ROW_NEVER_FIRES").location()).isEqualTo("T!R7");
    }

    @Test
    void reportsAConditionNoValueCanSatisfy() {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("T").row("Table").row("Hit policy", "first match").row("Gaps", "expected").blank()
                .row("IF cases", "THEN grade").row("≥10", "Ⅲ").row("[5, 3]", "Ⅱ").row("(4, 5)", "Ⅳ");
        Compilation c = compile(b);
        assertThat(withCode(c, "EMPTY_CONDITION")).extracting(Diagnostic::location)
                .containsExactly("T!A7", "T!A8");
        assertThat(withCode(c, "ROW_NEVER_FIRES")).extracting(Diagnostic::location)
                .containsExactly("T!R7", "T!R8");
    }

    @Test
    void aCompleteTableHasNoFindings() {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("T").row("Table").row("Hit policy", "first match").blank()
                .row("IF cases", "IF spreading", "THEN grade")
                .row("≥30", "-", "Ⅱ").row("<30", "yes", "Ⅲ").row("<30", "no", "Ⅳ");
        Compilation c = compile(b);
        assertThat(c.diagnostics()).isEmpty();
    }
}
