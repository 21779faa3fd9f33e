package org.beacon.service.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.beacon.rules.model.AreaRisk;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.RiskLevel;

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
 * @param response the response grade the response tables worked from, and whether the situation gave it
 * @param riskLevel the risk level (极低/低/中/高), when a row gives one
 * @param areaRisk the five-colour risk-map colour, when a row gives one
 * @param reporting whether the event must be reported, within how many hours, to whom
 * @param termination whether the response may end, when a row says
 * @param measures the catalogue entries of {@code actions}: lead and responsible departments, time limit
 * @param outputs every output of the answering rows by name (labels, who decides, capacity warnings …)
 * @param signals each surveillance signal with its derived statistics and the warning it raised
 * @param margins on request ({@code ?margins=true}), per numeric indicator the nearest values at which the answer
 *     would change; absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationResponse(UUID evaluationId, Instant evaluatedAt, RuleSetRef ruleSet, SituationView situation,
        GradeView grade, String warningColour, boolean noMatch, List<String> actions, List<String> firedRules,
        List<TableView> tables, ResponseView response, LevelView riskLevel, AreaRiskView areaRisk,
        ReportingView reporting, LevelView termination, List<MeasureView> measures,
        Map<String, List<String>> outputs, List<SignalView> signals,
        List<MarginsView.IndicatorMarginView> margins) {

    /** The same decision with its margins. */
    EvaluationResponse withMargins(List<MarginsView.IndicatorMarginView> found) {
        return new EvaluationResponse(evaluationId, evaluatedAt, ruleSet, situation, grade, warningColour, noMatch,
                actions, firedRules, tables, response, riskLevel, areaRisk, reporting, termination, measures, outputs,
                signals, found);
    }

    /** The response grade used by the response tables; {@code given} true when the situation declared it. */
    public record ResponseView(GradeView grade, boolean given) {
    }

    /** A ranked value in its three forms: {@code high}, {@code 高}, {@code high}. */
    public record LevelView(String code, String name, String nameEn) {
        static LevelView of(RiskLevel r) {
            return r == null ? null : new LevelView(r.code(), r.chineseName(), r.englishName());
        }
    }

    /** A risk-map colour: {@code orange}, {@code 橙}, {@code 较高风险}, {@code fairly high}. */
    public record AreaRiskView(String colour, String colourZh, String risk, String riskEn) {
        static AreaRiskView of(AreaRisk a) {
            return a == null ? null : new AreaRiskView(a.code(), a.chineseName(), a.riskZh(), a.riskEn());
        }
    }

    /**
     * @param required true when a row sets a reporting duty
     * @param withinHours the shortest time limit, in hours
     * @param to to whom (Chinese), {@code toEn} the same in English
     * @param rules the rows that set the duty
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ReportingView(boolean required, Integer withinHours, List<String> to, List<String> toEn,
            List<String> rules) {
    }

    /** A measure from the action catalogue: what, who leads, who takes part, how soon (hours; 0 = at once). */
    public record MeasureView(String code, String name, String nameEn, List<String> lead, List<String> leadEn,
            List<String> responsible, List<String> responsibleEn, Integer withinHours, String source, String tag) {
    }

    /** A signal: its last day, the statistics its history allowed, its warning colour and the rows that gave it. */
    public record SignalView(String source, LocalDate lastDay, Map<String, java.math.BigDecimal> statistics,
            String warningColour, List<String> rules) {
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
     * @param signal for a table evaluated for each signal, the signal's source
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TableView(String table, String title, String hitPolicy, String outcome, List<MatchView> matches,
            List<String> overruled, String signal) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MatchView(String ruleId, GradeView grade, String warningColour, List<String> actions,
            Map<String, String> outputs, String source, String tag, List<CheckView> explanation) {
    }

    /** One condition of a fired row and the value it was tested against ({@code null} when missing). */
    public record CheckView(String indicator, String cell, String test, String written, Object value) {
    }
}
