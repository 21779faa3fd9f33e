package org.beacon.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.rules.Workbooks.compile;
import static org.beacon.rules.Workbooks.withCode;
import static org.beacon.rules.Workbooks.compiled;
import static org.beacon.rules.Workbooks.situation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.beacon.rules.model.Diagnostic;
import org.beacon.rules.model.Severity;
import org.beacon.rules.model.SituationProblem;
import org.junit.jupiter.api.Test;

/**
 * Beacon does not round: a decimal indicator may declare its precision (Decimals), values with more decimals are
 * refused, and a range that stops just short of the next row's ({@code 10～19.9} then {@code ≥20}) is an error.
 */
class DecimalRangesTest {

    /** Table Level: rows 6, 7 … with these rate conditions, under first match. */
    private static WorkbookBuilder rate(String decimals, String... rows) {
        WorkbookBuilder b = new WorkbookBuilder();
        b.sheet("Dictionary").row("Dictionary").row("Name", "Type", "Values", "Min", "Max", "Decimals")
                .row("eventType", "enum", "covid", null, null, null)
                .row("rate", "decimal", null, 0, 1000, decimals)
                .row("cases", "integer", null, 0, 1000, null);
        WorkbookBuilder.Sheet level = b.sheet("Level").row("Table").row("Hit policy", "first match")
                .row("Gaps", "expected").blank().row("IF rate", "THEN note");
        for (String r : rows) {
            level.row(r, "answer " + r);
        }
        return b;
    }

    @Test
    void aRangeEndingOneDecimalShortOfTheNextRowIsAnErrorNamingBothCellsAndTheFix() {
        Diagnostic d = Workbooks.only(compile(rate(null, "10～19.9", "≥20")), "RANGE_HOLE");
        assertThat(d.severity()).isEqualTo(Severity.ERROR);
        assertThat(d.location()).isEqualTo("Level!A6");
        assertThat(d.message()).contains("rate = 19.91").contains("Level!A6").contains("Level!A7")
                .contains("does not round").contains("write [10, 20) in Level!A6");
    }

    @Test
    void integerStyleBoundsOnADecimalIndicatorLeaveAHoleToo() {
        Diagnostic d = Workbooks.only(compile(rate(null, "10～19", "20～29")), "RANGE_HOLE");
        assertThat(d.message()).contains("rate = 19.1").contains("write [10, 20) in Level!A6");
    }

    @Test
    void theDeclaredPrecisionDecidesWhetherTheGapHoldsAValue() {
        Compilation oneDecimal = compile(rate("1", "10～19.9", "≥20"));
        assertThat(withCode(oneDecimal, "RANGE_HOLE")).isEmpty();
        assertThat(oneDecimal.errors()).isEmpty();
        Diagnostic twoDecimals = Workbooks.only(compile(rate("2", "10～19.9", "≥20")), "RANGE_HOLE");
        assertThat(twoDecimals.message()).contains("rate = 19.91");
    }

    @Test
    void halfOpenRangesThatMeetAndWideGapsAreNoHoles() {
        assertThat(withCode(compile(rate(null, "[10, 20)", "≥20")), "RANGE_HOLE")).isEmpty();
        assertThat(withCode(compile(rate(null, "<5", "≥10")), "RANGE_HOLE")).isEmpty();
    }

    @Test
    void aRowThatCoversTheHoleLeavesNone() {
        assertThat(withCode(compile(rate(null, "10～19.9", "≥20", "(19, 21)")), "RANGE_HOLE")).isEmpty();
    }

    @Test
    void aBoundWithMoreDecimalsThanDeclaredIsRefused() {
        Diagnostic d = Workbooks.only(compile(rate("1", "10～19.95", "≥20")), "WRONG_TYPE");
        assertThat(d.location()).isEqualTo("Level!A6");
        assertThat(d.message()).contains("at most 1 decimals").contains("does not round");
    }

    @Test
    void aSituationValueWithMoreDecimalsThanDeclaredIsRefusedNotRounded() {
        CompiledRuleSet rules = compiled(rate("1", "[10, 20)", "≥20"));
        List<SituationProblem> problems = rules.check(situation("covid",
                Map.of("rate", new BigDecimal("19.95")))).problems();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/indicators/rate");
            assertThat(p.message()).contains("at most 1 decimals").contains("19.95").contains("does not round");
        });
    }

    @Test
    void decimalsOnAnIndicatorThatIsNotDecimalIsADictionaryError() {
        WorkbookBuilder b = new WorkbookBuilder();
        b.sheet("Dictionary").row("Dictionary").row("Name", "Type", "Decimals").row("cases", "integer", 1);
        Diagnostic d = Workbooks.only(compile(b), "INVALID_DICTIONARY_ENTRY");
        assertThat(d.location()).isEqualTo("Dictionary!C3");
    }
}
