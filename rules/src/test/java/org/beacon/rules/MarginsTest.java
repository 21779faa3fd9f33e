package org.beacon.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.beacon.rules.Workbooks.compiled;
import static org.beacon.rules.Workbooks.situation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.beacon.rules.decision.Margins;
import org.beacon.rules.decision.Margins.IndicatorMargin;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.Situation;
import org.beacon.rules.model.WarningColour;
import org.beacon.rules.model.WorkbookSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The nearest values at which a decision's answer would change, on the bundled tables and on small workbooks. */
class MarginsTest {

    private static CompiledRuleSet tables;

    @BeforeAll
    static void compileTables() {
        tables = new RuleSetCompiler().compile(WorkbookSource.readAll(Workbooks.root().resolve("tables")))
                .ruleSet().orElseThrow();
    }

    private static Margins margins(CompiledRuleSet rules, Situation s) {
        CheckedSituation checked = rules.check(s);
        return rules.margins(checked, rules.evaluate(checked, false));
    }

    private static IndicatorMargin of(Margins m, String indicator) {
        return m.indicators().stream().filter(i -> i.indicator().equals(indicator)).findFirst().orElseThrow();
    }

    private static Margins choleraTwelveCasesInOneCounty() {
        Map<String, Object> indicators = new LinkedHashMap<>();
        indicators.put("cases", 12);
        indicators.put("countiesAffected", 1);
        return margins(tables, situation("cholera", indicators));
    }

    @Test
    void twelveCholeraCasesAreEighteenShortOfGradeTwoByRowEight() {
        IndicatorMargin cases = of(choleraTwelveCasesInOneCounty(), "cases");
        assertThat(cases.value()).isEqualByComparingTo("12");
        assertThat(cases.above().value()).isEqualByComparingTo("30");
        assertThat(cases.above().distance()).isEqualByComparingTo("18");
        assertThat(cases.above().beyond()).isFalse();
        assertThat(cases.above().answer().grade()).isEqualTo(Grade.II);
        assertThat(cases.above().answer().colour()).isEqualTo(WarningColour.ORANGE);
        assertThat(cases.above().rows()).containsExactly("Cholera!R8");
    }

    @Test
    void twelveCholeraCasesTurnGradeFourBelowTenCases() {
        IndicatorMargin cases = of(choleraTwelveCasesInOneCounty(), "cases");
        assertThat(cases.below().value()).isEqualByComparingTo("9");
        assertThat(cases.below().distance()).isEqualByComparingTo("3");
        assertThat(cases.below().answer().grade()).isEqualTo(Grade.IV);
        assertThat(cases.below().rows()).contains("Cholera!R13");
    }

    @Test
    void countiesAffectedChangeNoAnswerButTwoCountiesMatchAnotherGradeThreeRow() {
        IndicatorMargin counties = of(choleraTwelveCasesInOneCounty(), "countiesAffected");
        assertThat(counties.above()).isNull();
        assertThat(counties.below()).isNull();
        assertThat(counties.sameAnswerAbove().value()).isEqualByComparingTo("2");
        assertThat(counties.sameAnswerAbove().distance()).isEqualByComparingTo("1");
        assertThat(counties.sameAnswerAbove().answer().grade()).isEqualTo(Grade.III);
        assertThat(counties.sameAnswerAbove().rows()).containsExactly("Cholera!R11");
    }

    @Test
    void leaveOutIndicatorsTheSituationDoesNotCarryAndNonNumericOnes() {
        Map<String, Object> indicators = new LinkedHashMap<>();
        indicators.put("cases", 12);
        indicators.put("spreading", true);
        Margins m = margins(tables, situation("cholera", indicators));
        assertThat(m.indicators()).extracting(IndicatorMargin::indicator).containsExactly("cases");
    }

    /** Decimal ratio: row 5 below 2 (open) → Ⅳ, row 6 [2, 5) → Ⅲ, row 7 from 5 (closed) → Ⅱ. */
    private static CompiledRuleSet ratioTable() {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("T").row("Table", "ratio").row("Hit policy", "first match").blank()
                .row("IF ratio", "THEN grade")
                .row("<2", "Ⅳ")
                .row("[2, 5)", "Ⅲ")
                .row("≥5", "Ⅱ");
        return compiled(b);
    }

    @Test
    void aDecimalMovesToAClosedBoundaryItselfAndPastAnOpenOne() {
        IndicatorMargin ratio = of(margins(ratioTable(), situation("cholera", Map.of("ratio", new BigDecimal("3.5")))),
                "ratio");
        assertThat(ratio.above().value()).isEqualByComparingTo("5");
        assertThat(ratio.above().beyond()).isFalse();
        assertThat(ratio.above().answer().grade()).isEqualTo(Grade.II);
        assertThat(ratio.above().rows()).containsExactly("T!R7");
        assertThat(ratio.below().value()).isEqualByComparingTo("2");
        assertThat(ratio.below().beyond()).as("Ⅳ only below 2, not at 2").isTrue();
        assertThat(ratio.below().distance()).isEqualByComparingTo("1.5");
        assertThat(ratio.below().answer().grade()).isEqualTo(Grade.IV);
    }

    @Test
    void aDecimalOnAnOpenBoundaryChangesJustBelowIt() {
        IndicatorMargin ratio = of(margins(ratioTable(), situation("cholera", Map.of("ratio", 2))), "ratio");
        assertThat(ratio.below().value()).isEqualByComparingTo("2");
        assertThat(ratio.below().beyond()).isTrue();
        assertThat(ratio.below().distance()).isEqualByComparingTo("0");
    }

    @Test
    void sayNoChangeInRangeWhenNoBoundaryLiesAhead() {
        IndicatorMargin ratio = of(margins(ratioTable(), situation("cholera", Map.of("ratio", 7))), "ratio");
        assertThat(ratio.above()).isNull();
        assertThat(ratio.below().value()).isEqualByComparingTo("5");
        assertThat(ratio.below().beyond()).isTrue();
        assertThat(ratio.below().answer().grade()).isEqualTo(Grade.III);
    }

    @Test
    void refuseASituationWithProblems() {
        CheckedSituation checked = tables.check(situation("cholera", Map.of("cases", -1)));
        assertThatThrownBy(() -> tables.margins(checked, null)).isInstanceOf(InvalidSituationException.class);
    }
}
