package org.beacon.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beacon.rules.decision.Decision;
import org.beacon.rules.decision.RuleMatch;
import org.beacon.rules.decision.SignalDecision;
import org.beacon.rules.decision.TableDecision;
import org.beacon.rules.engine.RuleBase;
import org.beacon.rules.evaluation.RuleAnswer;
import org.beacon.rules.evaluation.SituationValues;
import org.beacon.rules.model.ActionDefinition;
import org.beacon.rules.model.AreaRisk;
import org.beacon.rules.model.DecisionTable;
import org.beacon.rules.model.Dictionary;
import org.beacon.rules.model.FilledIndicators;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.Indicator;
import org.beacon.rules.model.RiskLevel;
import org.beacon.rules.model.Rule;
import org.beacon.rules.model.RuleSetModel;
import org.beacon.rules.model.Situation;
import org.beacon.rules.model.SituationProblem;
import org.beacon.rules.model.TypedOutputs;
import org.beacon.rules.model.WarningColour;

/**
 * A rule set ready to decide: the validated tables, their compiled rules, and an identity (id and content hash).
 * Immutable and thread-safe; evaluation never reads a workbook.
 *
 * <p>Drools finds every row whose conditions hold; the table's hit policy then picks the answer here, so the
 * policy is explicit and the rows that matched are always known, including when none did.
 */
public final class CompiledRuleSet {

    private final String id;
    private final String contentHash;
    private final RuleSetModel model;
    private final RuleBase ruleBase;
    /** Each table's rules by Excel row, by table index: how a rule the engine fired is found again. */
    private final Rule[][] rulesByRow;
    /** What each rule answers, by table index and Excel row, built once: nothing in it depends on the situation. */
    private final RuleAnswer[][] answersByRow;
    /** The tables decided once per signal, then the situation's grading tables, then its response tables. */
    private final List<DecisionTable> signalTables;
    private final List<DecisionTable> gradingTables;
    private final List<DecisionTable> responseTables;
    /** The answer of each table that does not apply to a situation, by table index: the same every time. */
    private final TableDecision[] notApplicable;

    CompiledRuleSet(String id, String contentHash, RuleSetModel model, RuleBase ruleBase) {
        this.id = id;
        this.contentHash = contentHash;
        this.model = model;
        this.ruleBase = ruleBase;
        int tableCount = model.tables().stream().mapToInt(DecisionTable::index).max().orElse(-1) + 1;
        this.rulesByRow = new Rule[tableCount][];
        this.answersByRow = new RuleAnswer[tableCount][];
        this.notApplicable = new TableDecision[tableCount];
        List<DecisionTable> signal = new ArrayList<>();
        List<DecisionTable> grading = new ArrayList<>();
        List<DecisionTable> response = new ArrayList<>();
        for (DecisionTable t : model.tables()) {
            Rule[] rows = new Rule[t.rules().stream().mapToInt(Rule::row).max().orElse(-1) + 1];
            RuleAnswer[] answers = new RuleAnswer[rows.length];
            for (Rule r : t.rules()) {
                rows[r.row()] = r;
                answers[r.row()] = RuleAnswer.of(t, r, model.colours());
            }
            rulesByRow[t.index()] = rows;
            answersByRow[t.index()] = answers;
            notApplicable[t.index()] = answer(t, TableDecision.Outcome.NOT_APPLICABLE, List.of(), List.of(), null);
            (t.perSignal() ? signal : t.decidedAfterGrading() ? response : grading).add(t);
        }
        this.signalTables = List.copyOf(signal);
        this.gradingTables = List.copyOf(grading);
        this.responseTables = List.copyOf(response);
    }

    /** A table's answer to one situation (or to one of its signals), with the table's own identification. */
    private static TableDecision answer(DecisionTable t, TableDecision.Outcome outcome, List<RuleMatch> matches,
            List<String> overruled, String signal) {
        return new TableDecision(t.sheet(), t.title(), t.workbook(), t.hitPolicy().label(), outcome, matches,
                overruled, signal);
    }

    public String id() {
        return id;
    }

    /** The same compiled rules under another id (e.g. the version id a store assigns after compiling). */
    public CompiledRuleSet withId(String newId) {
        return new CompiledRuleSet(newId, contentHash, model, ruleBase);
    }

    public String contentHash() {
        return contentHash;
    }

    public Dictionary dictionary() {
        return model.dictionary();
    }

    public List<DecisionTable> tables() {
        return model.tables();
    }

    public RuleSetModel model() {
        return model;
    }

    public RuleBase ruleBase() {
        return ruleBase;
    }

    /** What is wrong with a situation for this rule set's dictionary; empty when it can be evaluated. */
    public List<SituationProblem> validate(Situation situation) {
        List<SituationProblem> problems = new ArrayList<>();
        SituationValues.of(situation, model.dictionary(), problems);
        SituationValues.signals(situation, model.dictionary(), problems);
        return problems;
    }

    /**
     * Decides one situation.
     *
     * @throws InvalidSituationException when the situation does not fit the dictionary
     */
    public Decision evaluate(Situation situation) {
        return evaluate(situation, true);
    }

    /**
     * Decides one situation; without {@code explain} the matches carry no per-condition explanation (faster, for
     * replays of many region-days).
     *
     * @throws InvalidSituationException when the situation does not fit the dictionary
     */
    public Decision evaluate(Situation situation, boolean explain) {
        List<SituationProblem> problems = new ArrayList<>();
        Map<String, Object> values = SituationValues.of(situation, model.dictionary(), problems);
        List<SituationValues.SignalFacts> signals = SituationValues.signals(situation, model.dictionary(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidSituationException(problems);
        }
        return evaluate(values, signals, explain);
    }

    /**
     * Decides canonical values as a test sheet gives them: indicators that describe a signal ({@code signalSource},
     * {@code earsC2} …) make one signal; {@code explain} false leaves explanations empty.
     */
    public Decision evaluateValues(Map<String, Object> given, boolean explain) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> signal = new LinkedHashMap<>();
        Map<String, java.math.BigDecimal> statistics = new LinkedHashMap<>();
        given.forEach((name, v) -> {
            if (FilledIndicators.role(name) == FilledIndicators.Role.PER_SIGNAL) {
                signal.put(name, v);
                if (v instanceof java.math.BigDecimal n) {
                    statistics.put(name, n);
                }
            } else {
                values.put(name, v);
            }
        });
        List<SituationValues.SignalFacts> signals = signal.isEmpty() ? List.of()
                : List.of(new SituationValues.SignalFacts(String.valueOf(signal.getOrDefault(FilledIndicators.SIGNAL_SOURCE,
                        "")), null, statistics, signal));
        return evaluate(values, signals, explain);
    }

    /**
     * Each signal through the {@code For each: signal} tables, one rule-engine pass per signal; then one pass for the
     * situation (with the signal counts): its grading tables decide the grade, and with that grade as
     * {@code responseGrade} (unless the situation gave one) its response tables keep the rows whose response-grade
     * conditions it meets (the engine matched their other conditions in the same pass, see {@code DrlWriter}).
     */
    private Decision evaluate(Map<String, Object> values, List<SituationValues.SignalFacts> signals, boolean explain) {
        Outcome out = new Outcome(explain);
        Object eventType = values.get(Indicator.EVENT_TYPE);
        List<SignalDecision> signalDecisions = new ArrayList<>();
        List<WarningColour> signalColours = new ArrayList<>();
        for (SituationValues.SignalFacts signal : signals) {
            Map<String, Object> facts = new HashMap<>(values);
            facts.putAll(signal.facts());
            int before = out.fired.size();
            WarningColour colour = out.decide(matched(fire(facts)), facts, eventType, signalTables, signal.source());
            signalColours.add(colour);
            signalDecisions.add(new SignalDecision(signal.source(), signal.lastDay(), signal.statistics(), colour,
                    out.fired.subList(before, out.fired.size())));
        }
        Map<String, Object> facts = new HashMap<>(values);
        if (!signals.isEmpty()) {
            WarningColour[] levels = {WarningColour.BLUE, WarningColour.YELLOW, WarningColour.ORANGE,
                WarningColour.RED};
            for (int i = 0; i < levels.length; i++) {
                WarningColour level = levels[i];
                long n = signalColours.stream().filter(c -> c != null && !level.isMoreSeriousThan(c)).count();
                facts.putIfAbsent(FilledIndicators.SIGNAL_COUNTS.get(i), java.math.BigDecimal.valueOf(n));
            }
        }
        List<Rule>[] matched = matched(fire(facts));
        out.decide(matched, facts, eventType, gradingTables, null);
        Decision.ResponseGrade response = null;
        Indicator responseIndicator = model.dictionary().find(FilledIndicators.RESPONSE_GRADE).orElse(null);
        if (facts.get(FilledIndicators.RESPONSE_GRADE) != null) {
            response = new Decision.ResponseGrade(Grade.parse(facts.get(FilledIndicators.RESPONSE_GRADE).toString())
                    .orElse(null), true);
        } else if (out.grade != null && responseIndicator != null) {
            String value = responseIndicator.enumValue(out.grade.name()).orElse(null);
            if (value != null) {
                facts.put(FilledIndicators.RESPONSE_GRADE, value);
                response = new Decision.ResponseGrade(out.grade, false);
            }
        }
        if (!responseTables.isEmpty()) {
            Object grade = facts.get(FilledIndicators.RESPONSE_GRADE);
            for (DecisionTable t : responseTables) {
                // without a response grade the response tables have nothing to work from, whatever their rows say
                matched[t.index()] = response == null ? null : meetingResponseGrade(t, matched[t.index()], grade);
            }
            out.decide(matched, facts, eventType, responseTables, null);
        }
        return out.decision(response, signalDecisions);
    }

    private List<long[]> fire(Map<String, Object> facts) {
        return ruleBase.fire(facts);
    }

    /** The rules the engine fired, by table index (null for a table none of whose rules fired). */
    @SuppressWarnings("unchecked")
    private List<Rule>[] matched(List<long[]> hits) {
        List<Rule>[] byTable = new List[rulesByRow.length];
        for (long[] hit : hits) {
            int table = (int) hit[0];
            if (byTable[table] == null) {
                byTable[table] = new ArrayList<>(4);
            }
            byTable[table].add(rulesByRow[table][(int) hit[1]]);
        }
        return byTable;
    }

    /** The rows, of those the engine matched in this table, whose response-grade conditions accept this grade. */
    private List<Rule> meetingResponseGrade(DecisionTable t, List<Rule> rows, Object grade) {
        if (rows == null) {
            return null;
        }
        List<Rule> kept = new ArrayList<>(rows.size());
        for (Rule r : rows) {
            if (answersByRow[t.index()][r.row()].meetsGrade(grade)) {
                kept.add(r);
            }
        }
        return kept;
    }

    /** The answers of the passes so far, and what they add up to. */
    private final class Outcome {
        private static final List<String> KEPT_OUTPUTS = List.of(TypedOutputs.RISK_LEVEL, TypedOutputs.AREA_RISK,
                TypedOutputs.REPORT_WITHIN, TypedOutputs.TERMINATION);
        private static final java.util.Comparator<Rule> BY_ROW = java.util.Comparator.comparingInt(Rule::row);

        final boolean explain;
        final List<TableDecision> tables = new ArrayList<>();
        final List<String> fired = new ArrayList<>();
        final Set<String> actions = new LinkedHashSet<>();
        final Map<String, List<String>> outputs = new LinkedHashMap<>();
        final List<String> reportingRows = new ArrayList<>();
        /** The one value kept so far of each typed output (risk level, risk-map colour, time limit, termination). */
        final Map<String, String> kept = new HashMap<>();
        Grade grade;
        WarningColour colour;

        Outcome(boolean explain) {
            this.explain = explain;
        }

        /**
         * Applies the hit policy of each of these tables to its matched rows, in rule-set order; returns the most
         * serious colour given.
         */
        WarningColour decide(List<Rule>[] matched, Map<String, Object> facts, Object eventType,
                List<DecisionTable> which, String signal) {
            WarningColour passColour = null;
            for (DecisionTable t : which) {
                List<Rule> rows = matched[t.index()];
                boolean none = rows == null || rows.isEmpty();
                if (!t.eventTypes().isEmpty() && (eventType == null || !t.appliesTo(eventType.toString()))
                        || none && !t.hasInputIn(facts)) {
                    tables.add(signal == null ? notApplicable[t.index()]
                            : answer(t, TableDecision.Outcome.NOT_APPLICABLE, List.of(), List.of(), signal));
                    continue;
                }
                if (none) {
                    tables.add(answer(t, TableDecision.Outcome.NO_MATCH, List.of(), List.of(), signal));
                    continue;
                }
                rows.sort(BY_ROW);
                List<Rule> selected = t.hitPolicy().select(rows);
                List<RuleMatch> answers = new ArrayList<>(selected.size());
                for (Rule r : selected) {
                    RuleMatch m = answersByRow[t.index()][r.row()].match(facts, explain);
                    answers.add(m);
                    fired.add(r.id());
                    actions.addAll(r.actions());
                    take(m);
                    if (m.colour() != null && (passColour == null || m.colour().isMoreSeriousThan(passColour))) {
                        passColour = m.colour();
                    }
                }
                tables.add(answer(t, TableDecision.Outcome.MATCHED, answers, overruled(rows, selected), signal));
            }
            return passColour;
        }

        /** Ids of the matched rows the hit policy did not select (the policy returns the selected rows themselves). */
        private static List<String> overruled(List<Rule> rows, List<Rule> selected) {
            if (selected.size() == rows.size()) {
                return List.of();
            }
            List<String> ids = new ArrayList<>(rows.size() - selected.size());
            for (Rule r : rows) {
                boolean chosen = false;
                for (Rule s : selected) {
                    chosen |= s == r;
                }
                if (!chosen) {
                    ids.add(r.id());
                }
            }
            return ids;
        }

        private void take(RuleMatch m) {
            if (m.grade() != null && (grade == null || m.grade().isMoreSeriousThan(grade))) {
                grade = m.grade();
            }
            if (m.colour() != null && (colour == null || m.colour().isMoreSeriousThan(colour))) {
                colour = m.colour();
            }
            m.outputs().forEach((name, value) -> {
                List<String> list = outputs.computeIfAbsent(name, k -> new ArrayList<>());
                if (!list.contains(value)) {
                    list.add(value);
                }
            });
            for (String name : KEPT_OUTPUTS) {
                String value = m.outputs().get(name);
                if (value != null) {
                    kept.put(name, TypedOutputs.keep(name, kept.get(name), value));
                }
            }
            if (m.outputs().containsKey(TypedOutputs.REPORT_WITHIN)) {
                reportingRows.add(m.ruleId());
            }
        }

        Decision decision(Decision.ResponseGrade response, List<SignalDecision> signals) {
            List<ActionDefinition> details = new ArrayList<>();
            for (String code : actions) {
                ActionDefinition d = model.actions().get(code);
                if (d != null) {
                    details.add(d);
                }
            }
            String within = kept.get(TypedOutputs.REPORT_WITHIN);
            String risk = kept.get(TypedOutputs.RISK_LEVEL);
            String area = kept.get(TypedOutputs.AREA_RISK);
            Decision.Reporting reporting = new Decision.Reporting(!reportingRows.isEmpty(),
                    within == null ? null : TypedOutputs.hours(within).orElseThrow(),
                    outputs.getOrDefault("reportTo", List.of()), outputs.getOrDefault("reportToEn", List.of()),
                    reportingRows);
            return new Decision(id, contentHash, grade, colour, new ArrayList<>(actions), fired, tables, response,
                    signals, risk == null ? null : RiskLevel.parse(risk).orElseThrow(),
                    area == null ? null : AreaRisk.parse(area).orElseThrow(), reporting,
                    kept.get(TypedOutputs.TERMINATION), details, outputs);
        }
    }
}
