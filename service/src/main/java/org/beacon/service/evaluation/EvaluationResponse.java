package org.beacon.service.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.beacon.rules.Grade;

/**
 * A decision as callers receive it and as the audit trail keeps it.
 *
 * @param evaluationId id under which the decision is audited ({@code GET /evaluations/{id}})
 * @param evaluatedAt when it was decided
 * @param ruleSet the rule set that decided
 * @param situation the situation as received
 * @param grade the response grade, or null when no row gives one
 * @param warningColour {@code red}, {@code orange}, {@code yellow}, {@code blue}, or null
 * @param noMatch true when no row of any table answered
 * @param actions action codes of the answering rows
 * @param firedRules ids ({@code Sheet!R<row>}) of the answering rows
 * @param tables the tables that apply to the event type, each with its answer
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationResponse(UUID evaluationId, Instant evaluatedAt, RuleSetRef ruleSet, SituationView situation,
        GradeView grade, String warningColour, boolean noMatch, List<String> actions, List<String> firedRules,
        List<TableView> tables) {

    /** The same decision without the per-condition explanations ({@code ?explain=false}). */
    EvaluationResponse withoutExplanation() {
        List<TableView> lean = tables.stream().map(t -> new TableView(t.table(), t.title(), t.hitPolicy(),
                t.outcome(), t.matches().stream().map(m -> new MatchView(m.ruleId(), m.grade(), m.warningColour(),
                m.actions(), m.outputs(), m.source(), m.tag(), null)).toList(), t.overruled())).toList();
        return new EvaluationResponse(evaluationId, evaluatedAt, ruleSet, situation, grade, warningColour, noMatch,
                actions, firedRules, lean);
    }

    public record RuleSetRef(String id, String contentHash) {
    }

    public record SituationView(String eventType, RegionView region, LocalDate asOf, Map<String, Object> indicators) {
    }

    public record RegionView(String code, String name, String level) {
    }

    /** A grade in every form callers display: {@code III}, {@code Ⅲ}, {@code 较大}, {@code relatively serious}. */
    public record GradeView(String level, String numeral, String name, String nameEn) {
        static GradeView of(Grade g) {
            return g == null ? null : new GradeView(g.name(), g.numeral(), g.chineseName(), g.englishName());
        }
    }

    /**
     * @param outcome {@code matched} or {@code no_match}
     * @param overruled rows that matched too but that the hit policy did not pick
     */
    public record TableView(String table, String title, String hitPolicy, String outcome, List<MatchView> matches,
            List<String> overruled) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MatchView(String ruleId, GradeView grade, String warningColour, List<String> actions,
            Map<String, String> outputs, String source, String tag, List<CheckView> explanation) {
    }

    /** One condition of a fired row and the value it was tested against ({@code null} when missing). */
    public record CheckView(String indicator, String cell, String test, String written, Object value) {
    }
}
