package org.beacon.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.rules.Workbooks.compile;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.beacon.rules.decision.Decision;
import org.beacon.rules.model.Severity;
import org.beacon.rules.model.TestOutcome;
import org.junit.jupiter.api.Test;

/**
 * Issue 22's new expert, written as tables/README.md now allows: a level Low/Medium/High that is the higher of the
 * levels of two decimal rates, hospital figures sometimes missing, and a Tests sheet saying so. No order of rows
 * encodes the ranking, and the check has nothing to warn about.
 */
class HigherOfTwoLevelsTest {

    private static WorkbookBuilder levelWorkbook() {
        WorkbookBuilder b = new WorkbookBuilder();
        b.sheet("Dictionary").row("Dictionary")
                .row("Name", "Type", "Values", "Unit", "Min", "Max", "Decimals", "说明", "Description")
                .row("eventType", "enum", "influenza", "", null, null, null, "事件类型", "event type")
                .row("incidence", "decimal", null, "/100000", 0, 100000, 1, "发病率", "incidence per 100,000")
                .row("positivity", "decimal", null, "%", 0, 100, 1, "阳性率", "test positivity")
                .row("hospitalised", "decimal", null, "%", 0, 100, 2, "住院率", "share hospitalised")
                .row("level", "enum", "Low < Medium < High", "", null, null, null, "等级", "level");
        b.sheet("Level").row("Table", "level").row("Hit policy", "highest level").row("Gaps", "expected").blank()
                .row("IF incidence", "IF positivity", "IF hospitalised", "THEN level")
                .row("[10, 20)", "-", "-", "Medium")
                .row("≥20", "-", "-", "High")
                .row("-", "[5, 15)", "-", "Medium")
                .row("-", "≥15", "-", "High")
                .row("-", "-", "≥5", "High")
                .row("≥10", "-", "missing", "High");
        b.sheet("Tests").row("Tests")
                .row("GIVEN eventType", "GIVEN incidence", "GIVEN positivity", "GIVEN hospitalised", "EXPECT level",
                        "EXPECT rows", "NOTE")
                .row("influenza", 9.9, 4.9, 4.99, "none", "none", "below every band")
                .row("influenza", 10, 4.9, 1, "Medium", "Level!R6", "")
                .row("influenza", 19.9, 15, 1, "High", "Level!R9", "the higher of Medium and High")
                .row("influenza", 25, 6, 1, "High", "Level!R7", "the higher of High and Medium")
                .row("influenza", 12, 6, 1, "Medium", "Level!R6", "a tie: the upper row")
                .row("influenza", 1, 1, 5, "High", "Level!R10", "hospital figure alone")
                .row("influenza", 9.9, 1, null, "none", "none", "hospital figure missing, rate too low")
                .row("influenza", 10, 1, null, "High", "Level!R11", "hospital figure missing: High to be safe");
        return b;
    }

    @Test
    void itsTestsPassWithoutAWarningAndItDecidesTheHigherLevel() {
        Compilation c = compile(levelWorkbook());
        assertThat(c.diagnostics()).filteredOn(d -> d.severity() != Severity.INFO).isEmpty();
        assertThat(c.tests()).hasSize(8).allMatch(TestOutcome::passed);

        Decision d = c.ruleSet().orElseThrow().evaluate(Workbooks.situation("influenza", Map.of(
                "incidence", new BigDecimal("12.5"), "positivity", new BigDecimal("16"))));
        assertThat(d.outputs()).containsEntry("level", List.of("High"));
        assertThat(d.firedRules()).containsExactly("Level!R9");
    }

    @Test
    void aBandWrittenTheIntegerWayIsCaughtBeforeAnyTestRuns() {
        WorkbookBuilder b = levelWorkbook();
        b.sheet("Level2").row("Table").row("Hit policy", "highest level").row("Gaps", "expected").blank()
                .row("IF hospitalised", "THEN level").row("1～4.9", "Medium").row("≥5", "High");
        Compilation c = compile(b);
        assertThat(Workbooks.only(c, "RANGE_HOLE").message()).contains("hospitalised = 4.91")
                .contains("write [1, 5) in Level2!A6");
        assertThat(c.succeeded()).isFalse();
    }
}
