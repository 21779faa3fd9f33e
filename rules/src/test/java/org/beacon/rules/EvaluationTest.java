package org.beacon.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.beacon.rules.Workbooks.compiled;
import static org.beacon.rules.Workbooks.situation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.beacon.rules.decision.ConditionCheck;
import org.beacon.rules.decision.Decision;
import org.beacon.rules.decision.TableDecision;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.Situation;
import org.beacon.rules.model.SituationProblem;
import org.beacon.rules.model.WarningColour;
import org.beacon.rules.model.WorkbookSource;
import org.junit.jupiter.api.Test;

/** Hit policies, explanations, "no match", event-type scope, situation checks and concurrent use. */
class EvaluationTest {

    /** Rows 5 (≥10 → Ⅲ), 6 (≥30 → Ⅱ), 7 (any → Ⅳ, action report) under the given policy. */
    private static CompiledRuleSet overlapping(String policy) {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("T").row("Table", "overlap").row("Hit policy", policy).blank()
                .row("IF cases", "THEN grade", "THEN actions", "THEN label")
                .row("≥10", "Ⅲ", "investigate", "ten")
                .row("≥30", "Ⅱ", "investigate, isolateCases", "thirty")
                .row("-", "Ⅳ", "report", "any");
        return compiled(b);
    }

    @Test
    void firstMatchAnswersWithTheUpperRow() {
        Decision d = overlapping("first match").evaluate(situation("cholera", Map.of("cases", 40)));
        assertThat(d.firedRules()).containsExactly("T!R5");
        assertThat(d.grade()).isEqualTo(Grade.III);
        assertThat(d.tables().get(0).overruled()).containsExactly("T!R6", "T!R7");
    }

    @Test
    void highestGradeAnswersWithTheMostSeriousRow() {
        Decision d = overlapping("highest grade").evaluate(situation("cholera", Map.of("cases", 40)));
        assertThat(d.firedRules()).containsExactly("T!R6");
        assertThat(d.grade()).isEqualTo(Grade.II);
        assertThat(d.colour()).isEqualTo(WarningColour.ORANGE);
    }

    @Test
    void highestGradeBreaksTiesWithTheUpperRow() {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("T").row("Table").row("Hit policy", "最高级别").blank().row("IF cases", "THEN grade")
                .row("≥10", "Ⅲ").row("≥5", "Ⅲ");
        assertThat(compiled(b).evaluate(situation("cholera", Map.of("cases", 12))).firedRules())
                .containsExactly("T!R5");
    }

    @Test
    void collectAllAnswersWithEveryMatchingRowAndUnitesTheirActions() {
        Decision d = overlapping("collect all").evaluate(situation("cholera", Map.of("cases", 40)));
        assertThat(d.firedRules()).containsExactly("T!R5", "T!R6", "T!R7");
        assertThat(d.grade()).isEqualTo(Grade.II);
        assertThat(d.actions()).containsExactly("investigate", "isolateCases", "report");
    }

    @Test
    void noMatchIsAnExplicitResult() {
        WorkbookBuilder b = WorkbookBuilder.cholera();
        Decision d = compiled(b).evaluate(situation("cholera", Map.of("cases", 0)));
        assertThat(d.noMatch()).isTrue();
        assertThat(d.grade()).isNull();
        assertThat(d.tables()).singleElement().satisfies(t -> {
            assertThat(t.outcome()).isEqualTo(TableDecision.Outcome.NO_MATCH);
            assertThat(t.matches()).isEmpty();
        });
    }

    @Test
    void aTableLimitedToOtherEventTypesSaysItDoesNotApply() {
        Decision d = compiled(WorkbookBuilder.cholera()).evaluate(situation("plague", Map.of("cases", 50)));
        assertThat(d.tables().get(0).outcome()).isEqualTo(TableDecision.Outcome.NOT_APPLICABLE);
        assertThat(d.noMatch()).isTrue();
    }

    @Test
    void explainsEachConditionWithTheValueItWasTestedAgainst() {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("T").row("Table").row("Hit policy", "first match").row("Gaps", "expected").blank()
                .row("IF cases", "IF deaths", "IF spreading", "IF setting", "THEN grade")
                .row("超过100", "≥1", "yes", "school, kindergarten", "Ⅱ");
        Decision d = compiled(b).evaluate(situation("food",
                Map.of("cases", 120, "deaths", 2, "spreading", true, "setting", "school")));
        assertThat(d.tables().get(0).matches().get(0).explanation())
                .extracting(ConditionCheck::indicator, ConditionCheck::test, ConditionCheck::actual,
                        ConditionCheck::cell)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("cases", "> 100", new BigDecimal(120), "T!A6"),
                        org.assertj.core.groups.Tuple.tuple("deaths", "≥ 1", new BigDecimal(2), "T!B6"),
                        org.assertj.core.groups.Tuple.tuple("spreading", "= true", "true", "T!C6"),
                        org.assertj.core.groups.Tuple.tuple("setting", "in school, kindergarten", "school", "T!D6"));
    }

    @Test
    void aMissingIndicatorFailsItsConditionButNotAnAnyCell() {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("T").row("Table").row("Hit policy", "first match").row("Gaps", "expected").blank()
                .row("IF cases", "IF deaths", "THEN grade").row("≥1", "≥1", "Ⅲ").row("≥1", "-", "Ⅳ");
        assertThat(compiled(b).evaluate(situation("food", Map.of("cases", 5))).firedRules())
                .containsExactly("T!R7");
    }

    @Test
    void symbolConditionsMatchListsNegationsAndBooleans() {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("T").row("Table").row("Hit policy", "collect all").row("Gaps", "expected").blank()
                .row("IF eventType", "IF spreading", "THEN label")
                .row("cholera, plague", "-", "listed")
                .row("not cholera", "-", "not cholera")
                .row("not in cholera, plague", "-", "neither")
                .row("-", "是", "spreading");
        CompiledRuleSet rs = compiled(b);
        assertThat(rs.evaluate(situation("cholera", Map.of("spreading", false))).firedRules())
                .containsExactly("T!R6");
        assertThat(rs.evaluate(situation("plague", Map.of("spreading", true))).firedRules())
                .containsExactly("T!R6", "T!R7", "T!R9");
        assertThat(rs.evaluate(situation("food", Map.of())).firedRules()).containsExactly("T!R7", "T!R8");
    }

    @Test
    void parametersStandForTheirValue() {
        WorkbookBuilder b = WorkbookBuilder.cholera();
        b.sheet("Parameters").row("Parameters").row("Name", "Value", "说明", "Description", "Source")
                .row("limit", 3);
        b.sheet("P").row("Table").row("Hit policy", "first match").row("Gaps", "expected").blank()
                .row("IF ratio", "THEN label").row("≥ {limit}", "three times");
        CompiledRuleSet rs = compiled(b);
        assertThat(rs.evaluate(situation("plague", Map.of("ratio", 3.0))).firedRules()).containsExactly("P!R6");
        assertThat(rs.evaluate(situation("plague", Map.of("ratio", 2.99))).noMatch()).isTrue();
    }

    @Test
    void rejectsASituationThatDoesNotFitTheDictionaryNamingEachField() {
        CompiledRuleSet rs = compiled(WorkbookBuilder.cholera());
        Situation bad = new Situation("cholrea", null, null,
                Map.of("case", 3, "deaths", 2.5, "ratio", -1, "spreading", "yes"));
        assertThatThrownBy(() -> rs.evaluate(bad)).isInstanceOfSatisfying(InvalidSituationException.class,
                e -> assertThat(e.problems()).extracting(SituationProblem::pointer).containsExactlyInAnyOrder(
                        "/eventType", "/region", "/indicators/case", "/indicators/deaths", "/indicators/ratio",
                        "/indicators/spreading"));
        List<SituationProblem> problems = rs.check(bad).problems();
        assertThat(problems).filteredOn(p -> p.pointer().equals("/indicators/case")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("did you mean cases").contains("valid indicators"));
        assertThat(problems).filteredOn(p -> p.pointer().equals("/eventType")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("cholera, plague, food"));
    }

    @Test
    void concurrentEvaluationsGiveTheSameAnswersAsOneByOne() throws Exception {
        CompiledRuleSet rs = overlapping("collect all");
        List<Integer> inputs = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            inputs.add(i % 50);
        }
        List<List<String>> sequential = inputs.stream()
                .map(n -> rs.evaluate(situation("cholera", Map.of("cases", n))).firedRules()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int n : inputs) {
                futures.add(pool.submit(() -> rs.evaluate(situation("cholera", Map.of("cases", n))).firedRules()));
            }
            for (int i = 0; i < inputs.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(sequential.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSameWorkbooksGiveTheSameHashAndADifferentCellAnother() {
        byte[] a = WorkbookBuilder.cholera().bytes();
        String h1 = RuleSetCompiler.contentHash(List.of(new WorkbookSource("t.xlsx", a)));
        String h2 = RuleSetCompiler.contentHash(List.of(new WorkbookSource("t.xlsx", a.clone())));
        WorkbookBuilder changed = new WorkbookBuilder().dictionary();
        changed.sheet("Cholera").row("Table", "Cholera 霍乱").row("Hit policy", "highest grade");
        String h3 = RuleSetCompiler.contentHash(List.of(new WorkbookSource("t.xlsx", changed.bytes())));
        assertThat(h1).isEqualTo(h2).hasSize(64).isNotEqualTo(h3);
        Compilation c = new RuleSetCompiler().compile(List.of(new WorkbookSource("t.xlsx", a)));
        assertThat(c.ruleSet().orElseThrow().id()).isEqualTo("sha256:" + h1.substring(0, 12));
    }
}
