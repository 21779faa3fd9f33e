package org.beacon.service.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.WarningColour;
import org.beacon.service.evaluation.EvaluationResponse;

/**
 * One audited decision as the console shows it, in one language: the answer (grade, warning colour, reporting duty,
 * measures, who decides, capacity warnings, termination) and the explanation (each answering row with each
 * condition's cell, what the expert wrote, the test and the actual value). Texts the tables give in two languages
 * ({@code label}/{@code labelEn}, {@code lead}/{@code leadEn} …) are taken in the page's language, the other one when
 * a row gives only one. Immutable.
 *
 * @param caller who asked for it
 * @param grade the response grade, or null when no row gives one
 * @param colour the warning colour, or null
 * @param responseGrade the grade the response tables worked from, or null
 * @param responseGiven true when the situation declared that grade
 * @param deciders who starts the response and who ends it, each a message key and the values
 * @param capacityWarnings what the capacity tables warn of
 * @param termination {@code mayEnd}, {@code continue}, or null when no row says
 */
record DecisionAnswer(UUID id, LocalDateTime at, Instant instant, String caller, String ruleSetId,
        String contentHash, Situation situation, boolean noMatch, Grade grade, WarningColour colour,
        Grade responseGrade, boolean responseGiven, String riskLevel, String areaRisk, Reporting reporting,
        List<Measure> measures, List<Output> deciders, List<String> capacityWarnings, String termination,
        List<Signal> signals, List<Table> tables) {

    /** Outputs of the response tables that name who decides, in the order a memo gives them. */
    private static final List<String> DECIDERS = List.of("startDecidedBy", "terminationProposedBy",
            "terminationApprovedBy", "terminationReportTo");

    /** @param asOf null: the day it was decided */
    record Situation(String eventType, String regionCode, String regionName, String regionLevel, LocalDate asOf,
            List<Value> indicators) {
    }

    record Value(String name, String value) {
    }

    /** @param withinHours the shortest time limit; null when none is set */
    record Reporting(boolean required, Integer withinHours, List<String> to, List<String> rules) {
    }

    /** @param withinHours the time limit in hours; 0 at once; null without one */
    record Measure(String code, String name, List<String> lead, List<String> responsible, Integer withinHours,
            String source, String tag) {
    }

    /** @param key the message key of what it is ({@code output.startDecidedBy}) */
    record Output(String key, List<String> values) {
    }

    record Signal(String source, LocalDate lastDay, WarningColour colour, List<String> rules) {
    }

    record Table(String table, String title, String hitPolicy, boolean matched, List<Row> rows,
            List<String> overruled, String signal) {
    }

    /** An answering row: its id ({@code Cholera!R8}), what it says and each condition it tested. */
    record Row(String ruleId, String label, Grade grade, WarningColour colour, List<String> actions, String source,
            String tag, List<Condition> conditions) {
    }

    /** @param cell the condition's cell ({@code Cholera!A8}) */
    record Condition(String indicator, String cell, String written, String test, String actual) {
    }

    static DecisionAnswer of(EvaluationResponse d, String caller, Language language, ZoneId zone) {
        boolean zh = language == Language.ZH;
        EvaluationResponse.SituationView s = d.situation();
        List<Value> indicators = new ArrayList<>();
        if (s.indicators() != null) {
            s.indicators().forEach((name, value) -> indicators.add(new Value(name, DecisionForm.text(value))));
        }
        Situation situation = new Situation(s.eventType(), s.region() == null ? null : s.region().code(),
                s.region() == null ? null : s.region().name(), s.region() == null ? null : s.region().level(),
                s.asOf(), indicators);
        Map<String, List<String>> outputs = d.outputs() == null ? Map.of() : d.outputs();
        List<Output> deciders = new ArrayList<>();
        for (String name : DECIDERS) {
            List<String> values = pick(outputs.get(name), outputs.get(name + "En"), zh);
            if (!values.isEmpty()) {
                deciders.add(new Output("output." + name, values));
            }
        }
        EvaluationResponse.ReportingView r = d.reporting();
        Reporting reporting = r == null ? new Reporting(false, null, List.of(), List.of())
                : new Reporting(r.required(), r.withinHours(), pick(r.to(), r.toEn(), zh),
                        r.rules() == null ? List.of() : r.rules());
        List<Measure> measures = d.measures() == null ? List.of() : d.measures().stream().map(m -> new Measure(
                m.code(), pick(m.name(), m.nameEn(), zh), pick(m.lead(), m.leadEn(), zh),
                pick(m.responsible(), m.responsibleEn(), zh), m.withinHours(), m.source(), m.tag())).toList();
        return new DecisionAnswer(d.evaluationId(), LocalDateTime.ofInstant(d.evaluatedAt(), zone), d.evaluatedAt(),
                caller, d.ruleSet().id(), d.ruleSet().contentHash(), situation, d.noMatch(), grade(d.grade()),
                colour(d.warningColour()), d.response() == null ? null : grade(d.response().grade()),
                d.response() != null && d.response().given(),
                d.riskLevel() == null ? null : pick(d.riskLevel().name(), d.riskLevel().nameEn(), zh),
                d.areaRisk() == null ? null : zh ? d.areaRisk().colourZh() + " · " + d.areaRisk().risk()
                        : d.areaRisk().colour() + " · " + d.areaRisk().riskEn(),
                reporting, measures, deciders, pick(outputs.get("capacityWarning"),
                        outputs.get("capacityWarningEn"), zh),
                d.termination() == null ? null : d.termination().code(),
                d.signals() == null ? List.of() : d.signals().stream().map(x -> new Signal(x.source(), x.lastDay(),
                        colour(x.warningColour()), x.rules() == null ? List.of() : x.rules())).toList(),
                d.tables() == null ? List.of() : d.tables().stream().map(t -> table(t, zh)).toList());
    }

    private static Table table(EvaluationResponse.TableView t, boolean zh) {
        List<Row> rows = t.matches() == null ? List.of() : t.matches().stream().map(m -> new Row(m.ruleId(),
                pick(m.outputs() == null ? null : m.outputs().get("label"),
                        m.outputs() == null ? null : m.outputs().get("labelEn"), zh),
                grade(m.grade()), colour(m.warningColour()), m.actions() == null ? List.of() : m.actions(),
                m.source(), m.tag(), m.explanation() == null ? List.of() : m.explanation().stream()
                        .map(c -> new Condition(c.indicator(), c.cell(), c.written(), c.test(),
                                c.value() == null ? null : DecisionForm.text(c.value()))).toList())).toList();
        return new Table(t.table(), t.title(), t.hitPolicy(), "matched".equals(t.outcome()), rows,
                t.overruled() == null ? List.of() : t.overruled(), t.signal());
    }

    /** The first 12 characters of the rule set's content hash: enough to tell two versions apart on paper. */
    public String shortHash() {
        return contentHash == null ? "" : contentHash.substring(0, Math.min(12, contentHash.length()));
    }

    /** True when the answer has anything about the response at its grade. */
    public boolean hasResponse() {
        return !measures.isEmpty() || !deciders.isEmpty() || !capacityWarnings.isEmpty() || termination != null;
    }

    private static Grade grade(EvaluationResponse.GradeView g) {
        return g == null ? null : Grade.valueOf(g.level());
    }

    private static WarningColour colour(String code) {
        return code == null ? null : WarningColour.parse(code).orElse(null);
    }

    private static String pick(String chinese, String english, boolean zh) {
        String first = zh ? chinese : english;
        return first != null && !first.isBlank() ? first : zh ? english : chinese;
    }

    private static List<String> pick(List<String> chinese, List<String> english, boolean zh) {
        List<String> first = zh ? chinese : english;
        List<String> other = zh ? english : chinese;
        return first != null && !first.isEmpty() ? first : other == null ? List.of() : other;
    }
}
