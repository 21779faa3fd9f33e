package org.beacon.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.rules.Workbooks.compiled;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.beacon.rules.model.Region;
import org.beacon.rules.model.Situation;
import org.beacon.rules.model.SituationProblem;
import org.junit.jupiter.api.Test;

/** Which region levels a situation may name: those the Dictionary declares for adminLevel, else the Chinese four. */
class RegionLevelsTest {

    /** A rule set for the United States: states and counties, a county's threshold lower than a state's. */
    private static CompiledRuleSet statesAndCounties() {
        WorkbookBuilder b = new WorkbookBuilder();
        b.sheet("Dictionary").row("Dictionary").row("Name", "Type", "Values", "Unit", "Min", "Max")
                .row("adminLevel", "enum", "state, county", "", null, null)
                .row("rate", "decimal", null, "", 0, 1000);
        b.sheet("Level").row("Table", "Level").row("Hit policy", "first match").row("Gaps", "expected").blank()
                .row("IF adminLevel", "IF rate", "THEN level").row("state", "≥50", "High")
                .row("county", "≥10", "High");
        return compiled(b);
    }

    private static Situation at(String level, double rate) {
        return new Situation(null, new Region("US-06-037", "Los Angeles", level), LocalDate.of(2026, 7, 1),
                Map.of("rate", rate));
    }

    @Test
    void decidesACountyOfARuleSetThatDeclaresStatesAndCounties() {
        CompiledRuleSet rules = statesAndCounties();
        assertThat(rules.check(at("county", 12)).problems()).isEmpty();
        assertThat(rules.evaluate(at("county", 12)).outputs()).containsEntry("level", List.of("High"));
        assertThat(rules.evaluate(at("state", 12)).outputs()).doesNotContainKey("level");
    }

    @Test
    void refusesALevelTheDictionaryDoesNotDeclareEvenOneOfTheChineseFour() {
        CheckedSituation checked = statesAndCounties().check(at("province", 12));
        assertThat(checked.problems()).extracting(SituationProblem::pointer).containsExactly("/region/level");
        assertThat(checked.problems().get(0).message()).contains("province").contains("state, county");
    }

    @Test
    void theSchemaOffersTheDeclaredLevels() {
        assertThat(levels(statesAndCounties())).isEqualTo(List.of("state", "county"));
    }

    @Test
    void keepsTheChineseFourWhenTheDictionaryDeclaresNoLevels() {
        CompiledRuleSet cholera = compiled(WorkbookBuilder.cholera());
        assertThat(levels(cholera)).isEqualTo(List.of("province", "prefecture", "county", "township"));
        CheckedSituation state = cholera.check(new Situation("cholera", new Region("330106", null, "state"), null,
                Map.of("cases", 12)));
        assertThat(state.problems()).extracting(SituationProblem::pointer).containsExactly("/region/level");
        assertThat(state.problems().get(0).message()).isEqualTo("region.level 'state' is not province, prefecture,"
                + " county or township (the levels when the Dictionary declares no adminLevel of its own)");
        assertThat(state.problems().get(0).message(Locale.SIMPLIFIED_CHINESE)).contains("“state”");
        assertThat(cholera.check(new Situation("cholera", new Region("330106", null, "county"), null,
                Map.of("cases", 12))).problems()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Object levels(CompiledRuleSet rules) {
        Map<String, Object> region = (Map<String, Object>) ((Map<String, Object>) rules.situationSchema()
                .get("properties")).get("region");
        Map<String, Object> level = (Map<String, Object>) ((Map<String, Object>) region.get("properties")).get("level");
        return level.get("enum");
    }
}
