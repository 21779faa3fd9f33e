package org.beacon.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.beacon.rules.decision.Decision;
import org.beacon.rules.model.AdminLevel;
import org.beacon.rules.model.Region;
import org.beacon.rules.model.Signal;
import org.beacon.rules.model.Situation;
import org.beacon.rules.model.WarningColour;
import org.junit.jupiter.api.Test;

/** One trip per decision: a situation's values and signal statistics are computed by the check, once. */
class CheckedSituationTest {

    private static final Region COUNTY = Region.at("330106", "西湖区", AdminLevel.COUNTY);
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 21);

    @Test
    void decidesFromTheStatisticsTheCheckComputedWithoutComputingThemAgain() {
        CompiledRuleSet rs = StagedEvaluationTest.warning();
        Signal ili = StagedEvaluationTest.signal("ili", 30);
        Situation situation = new Situation("cholera", COUNTY, AS_OF, Map.of(), List.of(ili));
        CheckedSituation checked = rs.check(situation);
        assertThat(checked.isValid()).isTrue();

        // the caller's series changes after the check: a decision that computed the statistics again would see it
        Arrays.fill(ili.values(), 11);
        Decision explained = rs.evaluate(checked, true);
        Decision plain = rs.evaluate(checked, false);

        assertThat(explained.signals().get(0).colour()).as("the check's statistics (ili at 30: yellow)")
                .isEqualTo(WarningColour.YELLOW);
        assertThat(plain.firedRules()).isEqualTo(explained.firedRules());
        assertThat(plain.signals().get(0).statistics()).isEqualTo(explained.signals().get(0).statistics());
        assertThat(rs.evaluate(situation).signals().get(0).colour())
                .as("deciding the situation itself checks it again, from the changed series").isNull();
    }

    @Test
    void aCheckedSituationWithProblemsIsRefusedWithTheProblemsTheCheckFound() {
        CompiledRuleSet rs = StagedEvaluationTest.warning();
        CheckedSituation checked = rs.check(new Situation("cholera", COUNTY, AS_OF, Map.of("earsC1", 5)));

        assertThat(checked.isValid()).isFalse();
        assertThat(checked.problems()).singleElement()
                .satisfies(p -> assertThat(p.pointer()).isEqualTo("/indicators/earsC1"));
        assertThatThrownBy(() -> rs.evaluate(checked, true))
                .isInstanceOfSatisfying(InvalidSituationException.class,
                        e -> assertThat(e.problems()).isEqualTo(checked.problems()));
    }

    @Test
    void aSituationCheckedByAnotherRuleSetIsNotDecidedWithItsValues() {
        CompiledRuleSet rs = StagedEvaluationTest.warning();
        CheckedSituation checked = rs.check(new Situation("cholera", COUNTY, AS_OF, Map.of(),
                List.of(StagedEvaluationTest.signal("ili", 30))));

        assertThat(rs.withId("v2").evaluate(checked, true).ruleSetId())
                .as("the same rules under another id share the dictionary").isEqualTo("v2");
        CompiledRuleSet other = StagedEvaluationTest.warning();
        assertThatThrownBy(() -> other.evaluate(checked, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another rule set's dictionary");
    }
}
