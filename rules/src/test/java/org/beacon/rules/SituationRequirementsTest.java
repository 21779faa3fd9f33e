package org.beacon.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.rules.Workbooks.compiled;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.beacon.rules.model.Region;
import org.beacon.rules.model.Situation;
import org.beacon.rules.model.SituationProblem;
import org.junit.jupiter.api.Test;

/** What a situation must carry: a region with a code always, an event type when the rule set declares them. */
class SituationRequirementsTest {

    /** A rule set whose Dictionary declares no eventType: one table on a rate, for any situation. */
    private static CompiledRuleSet withoutEventTypes() {
        WorkbookBuilder b = new WorkbookBuilder();
        b.sheet("Dictionary").row("Dictionary").row("Name", "Type", "Values", "Unit", "Min", "Max")
                .row("rate", "decimal", null, "", 0, 1000);
        b.sheet("Level").row("Table", "Level").row("Hit policy", "first match").row("Gaps", "expected").blank()
                .row("IF rate", "THEN level").row("≥10", "High");
        return compiled(b);
    }

    @Test
    void refusesARegionWithoutACodeAtItsPointerInBothLanguages() {
        CheckedSituation checked = compiled(WorkbookBuilder.cholera()).check(new Situation("cholera",
                new Region(null, "西湖区", null), null, Map.of("cases", 12)));
        assertThat(checked.problems()).extracting(SituationProblem::pointer).containsExactly("/region/code");
        assertThat(checked.problems().get(0).message()).isEqualTo("region.code is required");
        assertThat(checked.problems().get(0).message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("缺少地区代码 region.code");
    }

    @Test
    void decidesWithoutAnEventTypeWhenTheRuleSetDeclaresNone() {
        CompiledRuleSet rules = withoutEventTypes();
        Situation noEvent = new Situation(null, new Region("US-06", "California", null), LocalDate.of(2026, 7, 1),
                Map.of("rate", 12.5));
        assertThat(rules.check(noEvent).problems()).isEmpty();
        assertThat(rules.evaluate(noEvent).outputs()).containsEntry("level", java.util.List.of("High"));
    }

    @Test
    void stillRequiresAnEventTypeWhenTheDictionaryDeclaresThem() {
        CheckedSituation checked = compiled(WorkbookBuilder.cholera()).check(new Situation(null,
                new Region("330106", null, null), null, Map.of("cases", 12)));
        assertThat(checked.problems()).extracting(SituationProblem::pointer).containsExactly("/eventType");
    }

    @Test
    void theSchemaRequiresWhatTheCheckRequires() {
        assertThat(withoutEventTypes().situationSchema().get("required")).isEqualTo(java.util.List.of("region"));
        assertThat(compiled(WorkbookBuilder.cholera()).situationSchema().get("required"))
                .isEqualTo(java.util.List.of("eventType", "region"));
    }
}
