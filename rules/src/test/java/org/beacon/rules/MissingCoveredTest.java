package org.beacon.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.rules.Workbooks.compile;
import static org.beacon.rules.Workbooks.withCode;

import java.util.Locale;
import org.beacon.rules.model.Diagnostic;
import org.beacon.rules.model.DiagnosticMessages;
import org.beacon.rules.model.Severity;
import org.junit.jupiter.api.Test;

/**
 * {@code Missing: covered}: a table that says every situation with a tested indicator missing must be answered is
 * warned, at that property's cell, about each indicator whose missing value no row answers.
 */
class MissingCoveredTest {

    /** Table Beds, few or enough beds, with one property row ({@code null}: none) and more rows after the two. */
    private static WorkbookBuilder beds(String property, String value, String... moreRow) {
        WorkbookBuilder b = MissingValuesTest.dictionary();
        WorkbookBuilder.Sheet table = b.sheet("Beds").row("Table").row("Hit policy", "first match");
        if (property != null) {
            table.row(property, value);
        }
        table.blank().row("IF beds", "THEN note").row("<5", "few").row("≥5", "enough");
        if (moreRow.length > 0) {
            table.row((Object[]) moreRow);
        }
        return b;
    }

    @Test
    void warnsAtThePropertyCellNamingTheIndicatorNoRowAnswersWhenMissing() {
        Diagnostic d = Workbooks.only(compile(beds("Missing", "covered")), "MISSING_NOT_COVERED");
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.location()).isEqualTo("Beds!B3");
        assertThat(d.message()).contains("no row of Beds answers when beds is missing")
                .contains("e.g. beds = missing");
        assertThat(DiagnosticMessages.message(d, Locale.SIMPLIFIED_CHINESE)).contains("beds 缺失时 Beds 中没有任何行回答");
    }

    @Test
    void aRowForTheMissingValueCoversIt() {
        assertThat(withCode(compile(beds("缺失", "必须覆盖", "missing", "no figure")), "MISSING_NOT_COVERED"))
                .isEmpty();
    }

    @Test
    void namesOnlyTheIndicatorWhoseMissingValueIsLeftOpen() {
        WorkbookBuilder b = MissingValuesTest.dictionary();
        b.sheet("Level").row("Table").row("Hit policy", "first match").row("Gaps", "expected")
                .row("Missing", "covered").blank()
                .row("IF rate", "IF beds", "THEN note")
                .row("≥10", "≥5", "high")
                .row("<10", "≥5", "low")
                .row("missing", "-", "no rate");
        assertThat(withCode(compile(b), "MISSING_NOT_COVERED")).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("when beds is missing").doesNotContain("when rate"))
                .satisfies(d -> assertThat(d.location()).isEqualTo("Level!B4"));
    }

    @Test
    void withoutThePropertyAMissingValueLeftOpenIsNotReported() {
        assertThat(compile(beds(null, null)).diagnostics()).filteredOn(d -> d.severity() != Severity.INFO)
                .isEmpty();
    }

    @Test
    void refusesAnotherWordAtThePropertyCell() {
        Diagnostic d = Workbooks.only(compile(beds("Missing", "sometimes")), "INVALID_VALUE");
        assertThat(d.location()).isEqualTo("Beds!B3");
        assertThat(d.message()).contains("'sometimes' is not a Missing setting");
    }
}
