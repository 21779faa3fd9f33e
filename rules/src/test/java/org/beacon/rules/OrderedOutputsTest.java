package org.beacon.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.rules.Workbooks.compile;
import static org.beacon.rules.Workbooks.withCode;
import static org.beacon.rules.Workbooks.compiled;
import static org.beacon.rules.Workbooks.situation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.beacon.rules.decision.Decision;
import org.beacon.rules.model.Diagnostic;
import org.beacon.rules.model.TestOutcome;
import org.junit.jupiter.api.Test;

/**
 * An output the Dictionary declares with ordered values ({@code Low < Medium < High}): a table keeps the most
 * serious with hit policy {@code highest <name>}, and its cells, tests, analysis and diff know the order.
 */
class OrderedOutputsTest {

    /** A level from two rates: the higher of the two levels, one row per band of each rate. */
    private static WorkbookBuilder higherOfTwoLevels(String hitPolicy) {
        WorkbookBuilder b = new WorkbookBuilder();
        b.sheet("Dictionary").row("Dictionary")
                .row("Name", "Type", "Values", "Unit", "Min", "Max", "说明", "Description")
                .row("eventType", "enum", "cholera", "", null, null, "事件类型", "event type")
                .row("incidence", "decimal", null, "/100000", 0, 100000, "发病率", "incidence")
                .row("positivity", "decimal", null, "%", 0, 100, "阳性率", "positivity")
                .row("level", "enum", "Low < Medium < High", "", null, null, "等级", "level");
        b.sheet("Level").row("Table", "level").row("Hit policy", hitPolicy).row("Gaps", "expected").blank()
                .row("IF incidence", "IF positivity", "THEN level")
                .row("[10, 20)", "-", "Medium")
                .row("≥20", "-", "high")
                .row("-", "[5, 15)", "Medium")
                .row("-", "≥15", "High");
        return b;
    }

    @Test
    void highestKeepsTheMoreSeriousOfTwoLevelsWhateverTheRowOrder() {
        CompiledRuleSet rules = compiled(higherOfTwoLevels("highest level"));
        Decision d = rules.evaluate(situation("cholera", Map.of("incidence", new BigDecimal("25"),
                "positivity", new BigDecimal("6"))));
        assertThat(d.firedRules()).containsExactly("Level!R7");
        assertThat(d.outputs()).containsEntry("level", List.of("High"));
        assertThat(d.tables().get(0).hitPolicy()).isEqualTo("highest level");
        assertThat(d.tables().get(0).overruled()).containsExactly("Level!R8");

        Decision other = rules.evaluate(situation("cholera", Map.of("incidence", new BigDecimal("12"),
                "positivity", new BigDecimal("20"))));
        assertThat(other.firedRules()).containsExactly("Level!R9");
    }

    @Test
    void aPlainHighestRanksByTheTablesOnlyOrderedOutput() {
        Decision d = compiled(higherOfTwoLevels("最高")).evaluate(situation("cholera",
                Map.of("incidence", new BigDecimal("25"), "positivity", new BigDecimal("6"))));
        assertThat(d.firedRules()).containsExactly("Level!R7");
    }

    @Test
    void rowsThatMatchTheSameValuesUnderHighestAreNeitherOverlapsNorDeadRows() {
        Compilation c = compile(higherOfTwoLevels("highest level"));
        assertThat(c.errors()).isEmpty();
        assertThat(withCode(c, "ROWS_OVERLAP")).isEmpty();
        assertThat(withCode(c, "ROW_NEVER_FIRES")).isEmpty();
    }

    @Test
    void aRowAlwaysBeatenByAMoreSeriousLevelIsReported() {
        WorkbookBuilder b = higherOfTwoLevels("highest level");
        b.sheet("Level2").row("Table").row("Hit policy", "highest level").row("Gaps", "expected").blank()
                .row("IF incidence", "THEN level").row("≥10", "High").row("≥20", "Medium");
        Diagnostic d = Workbooks.only(compile(b), "ROW_NEVER_FIRES");
        assertThat(d.location()).isEqualTo("Level2!R7");
        assertThat(d.message()).contains("a more serious level");
    }

    @Test
    void aThenCellOutsideTheOrderedValuesIsAnErrorListingThem() {
        WorkbookBuilder b = higherOfTwoLevels("highest level");
        b.sheet("Level2").row("Table").row("Hit policy", "highest level").blank()
                .row("IF incidence", "THEN level").row("≥10", "Severe");
        Diagnostic d = Workbooks.only(compile(b), "INVALID_VALUE");
        assertThat(d.location()).isEqualTo("Level2!B5");
        assertThat(d.message()).contains("'Severe'").contains("one of Low < Medium < High");
    }

    @Test
    void highestOfAnOutputThatIsNotOrderedIsRefusedAtTheHitPolicy() {
        WorkbookBuilder b = higherOfTwoLevels("highest level");
        b.sheet("Notes").row("Table").row("Hit policy", "highest note").blank()
                .row("IF incidence", "THEN note").row("≥10", "see the guide");
        Diagnostic d = Workbooks.only(compile(b), "UNKNOWN_HIT_POLICY");
        assertThat(d.location()).isEqualTo("Notes!B2");
        assertThat(d.message()).contains("note is not an ordered output of this table");
    }

    @Test
    void expectCellsReadTheOrderedValuesInAnySpelling() {
        WorkbookBuilder b = higherOfTwoLevels("highest level");
        b.sheet("Tests").row("Tests")
                .row("GIVEN eventType", "GIVEN incidence", "GIVEN positivity", "EXPECT level", "EXPECT rows")
                .row("cholera", 25, 6, "high", "Level!R7")
                .row("cholera", 12, 6, "MEDIUM", "Level!R6");
        Compilation c = compile(b);
        assertThat(c.errors()).isEmpty();
        assertThat(c.tests()).hasSize(2).allMatch(TestOutcome::passed);
    }

    @Test
    void anExpectCellOutsideTheOrderedValuesIsAnError() {
        WorkbookBuilder b = higherOfTwoLevels("highest level");
        b.sheet("Tests").row("Tests").row("GIVEN eventType", "GIVEN incidence", "EXPECT level")
                .row("cholera", 25, "Extreme");
        Diagnostic d = Workbooks.only(compile(b), "INVALID_VALUE");
        assertThat(d.location()).isEqualTo("Tests!C3");
        assertThat(d.message()).contains("one of Low < Medium < High");
    }

    @Test
    void valuesMixingOrderAndCommasAreRefusedInTheDictionary() {
        WorkbookBuilder b = new WorkbookBuilder();
        b.sheet("Dictionary").row("Dictionary").row("Name", "Type", "Values")
                .row("level", "enum", "Low < Medium, High");
        Diagnostic d = Workbooks.only(compile(b), "INVALID_DICTIONARY_ENTRY");
        assertThat(d.location()).isEqualTo("Dictionary!C3");
        assertThat(d.message()).contains("mixes < and commas");
    }
}
