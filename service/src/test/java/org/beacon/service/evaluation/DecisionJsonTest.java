package org.beacon.service.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.beacon.rules.CheckedSituation;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.RuleSetCompiler;
import org.beacon.rules.Workbooks;
import org.beacon.rules.decision.Decision;
import org.beacon.rules.model.WorkbookSource;
import org.beacon.service.evaluation.EvaluationResponse.MatchView;
import org.beacon.service.evaluation.EvaluationResponse.TableView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A decision written once gives, byte for byte, what the mapper writes for it with and without its explanation. */
class DecisionJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DecisionJson WRITER = new DecisionJson(JSON);
    private static CompiledRuleSet bundled;

    @BeforeAll
    static void compileTheBundledTables() {
        bundled = new RuleSetCompiler().compile("v1", WorkbookSource.readAll(Workbooks.root().resolve("tables")))
                .ruleSet().orElseThrow();
    }

    static Stream<String> examples() throws Exception {
        try (Stream<Path> files = Files.list(Workbooks.root().resolve("examples/requests"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    /** The decision as {@code ?explain=false} answered it before: the same records, every explanation left null. */
    private static EvaluationResponse withoutExplanation(EvaluationResponse d) {
        List<TableView> lean = d.tables().stream().map(t -> new TableView(t.table(), t.title(), t.hitPolicy(),
                t.outcome(), t.matches().stream().map(m -> new MatchView(m.ruleId(), m.grade(), m.warningColour(),
                m.actions(), m.outputs(), m.source(), m.tag(), null)).toList(), t.overruled(), t.signal())).toList();
        return new EvaluationResponse(d.evaluationId(), d.evaluatedAt(), d.ruleSet(), d.situation(), d.grade(),
                d.warningColour(), d.noMatch(), d.actions(), d.firedRules(), lean, d.response(), d.riskLevel(),
                d.areaRisk(), d.reporting(), d.termination(), d.measures(), d.outputs(), d.signals(), d.margins());
    }

    private static EvaluationResponse decided(String example, boolean margins) throws Exception {
        EvaluationRequest request = JSON.readValue(Files.readString(Workbooks.root()
                .resolve("examples/requests/" + example)), EvaluationRequest.class);
        CheckedSituation situation = SituationMapper.toSituation(request, bundled, "", new AnswerErrors());
        Decision d = bundled.evaluate(situation, true);
        EvaluationResponse full = DecisionView.of(UUID.randomUUID(), Instant.now(), situation.situation(), d, true);
        return margins ? full.withMargins(MarginsView.of(bundled.margins(situation, d))) : full;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void writesEveryExampleDecisionAsTheMapperDoesWithAndWithoutItsExplanation(String example) throws Exception {
        for (boolean margins : new boolean[] {false, true}) {
            EvaluationResponse full = decided(example, margins);
            DecisionJson.Written written = WRITER.write(full);

            assertThat(written.full()).isEqualTo(JSON.writeValueAsBytes(full));
            assertThat(written.withoutExplanation()).isEqualTo(JSON.writeValueAsBytes(withoutExplanation(full)));
        }
    }

    @Test
    void cutsOnlyTheExplanationsNotTextOrOutputsThatReadLikeOne() throws Exception {
        EvaluationResponse real = decided("cholera-county-12.json", false);
        String lookalike = "\",\"explanation\":[{\"indicator\":\"x\"}],\"tag\":\"";
        Map<String, Object> indicators = new LinkedHashMap<>(real.situation().indicators());
        indicators.put("explanation", lookalike);
        Map<String, List<String>> outputs = new LinkedHashMap<>();
        outputs.put("explanation", List.of(lookalike, "[]"));
        List<TableView> tables = new ArrayList<>();
        for (TableView t : real.tables()) {
            List<MatchView> matches = new ArrayList<>();
            for (MatchView m : t.matches()) {
                matches.add(new MatchView(m.ruleId(), m.grade(), m.warningColour(), m.actions(),
                        Map.of("explanation", lookalike), m.source(), lookalike, m.explanation()));
            }
            tables.add(new TableView(t.table(), t.title(), t.hitPolicy(), t.outcome(), matches, t.overruled(),
                    t.signal()));
        }
        EvaluationResponse tricky = new EvaluationResponse(real.evaluationId(), real.evaluatedAt(), real.ruleSet(),
                new EvaluationResponse.SituationView(real.situation().eventType(), real.situation().region(),
                        real.situation().asOf(), indicators), real.grade(), real.warningColour(), real.noMatch(),
                real.actions(), real.firedRules(), tables, real.response(), real.riskLevel(), real.areaRisk(),
                real.reporting(), real.termination(), real.measures(), outputs, real.signals(), real.margins());

        DecisionJson.Written written = WRITER.write(tricky);

        assertThat(written.full()).isEqualTo(JSON.writeValueAsBytes(tricky));
        byte[] lean = written.withoutExplanation();
        assertThat(lean.length).isLessThan(written.full().length);
        assertThat(lean).isEqualTo(JSON.writeValueAsBytes(withoutExplanation(tricky)));
        assertThat(new String(lean, StandardCharsets.UTF_8)).contains(JSON.writeValueAsString(lookalike));
    }
}
