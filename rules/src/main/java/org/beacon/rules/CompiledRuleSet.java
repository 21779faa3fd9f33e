package org.beacon.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beacon.rules.engine.RuleBase;
import org.beacon.rules.table.Condition;
import org.beacon.rules.table.DecisionTable;
import org.beacon.rules.table.Dictionary;
import org.beacon.rules.table.Indicator;
import org.beacon.rules.table.Rule;
import org.beacon.rules.table.Reserved;
import org.beacon.rules.table.RuleSetModel;
import org.beacon.rules.table.TypedOutputs;

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
    private final Map<Integer, Map<Integer, Rule>> rulesByTableAndRow = new HashMap<>();
    private final boolean hasResponseTables;

    CompiledRuleSet(String id, String contentHash, RuleSetModel model, RuleBase ruleBase) {
        this.id = id;
        this.contentHash = contentHash;
        this.model = model;
        this.ruleBase = ruleBase;
        for (DecisionTable t : model.tables()) {
            Map<Integer, Rule> rows = new HashMap<>();
            t.rules().forEach(r -> rows.put(r.row(), r));
            rulesByTableAndRow.put(t.index(), rows);
        }
        this.hasResponseTables = model.tables().stream().anyMatch(t -> !t.perSignal() && t.usesResponseGrade());
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
    Decision evaluateValues(Map<String, Object> given, boolean explain) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> signal = new LinkedHashMap<>();
        Map<String, java.math.BigDecimal> statistics = new LinkedHashMap<>();
        given.forEach((name, v) -> {
            if (Reserved.role(name) == Reserved.Role.PER_SIGNAL) {
                signal.put(name, v);
                if (v instanceof java.math.BigDecimal n) {
                    statistics.put(name, n);
                }
            } else {
                values.put(name, v);
            }
        });
        List<SituationValues.SignalFacts> signals = signal.isEmpty() ? List.of()
                : List.of(new SituationValues.SignalFacts(String.valueOf(signal.getOrDefault(Reserved.SIGNAL_SOURCE,
                        "")), null, statistics, signal));
        return evaluate(values, signals, explain);
    }

    /**
     * Three passes over the same rule base, each adding what the previous one decided: each signal through the
     * {@code For each: signal} tables; then the situation (with the signal counts) through the ordinary tables,
     * which decide the grade; then, with that grade as {@code responseGrade} (unless the situation gave one), the
     * tables that test it. A pass fires only when tables need it.
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
            WarningColour colour = out.decide(fire(facts), facts, eventType, t -> t.perSignal(), signal.source());
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
                facts.putIfAbsent(Reserved.SIGNAL_COUNTS.get(i), java.math.BigDecimal.valueOf(n));
            }
        }
        out.decide(fire(facts), facts, eventType, t -> !t.perSignal() && !t.usesResponseGrade(), null);
        Decision.ResponseGrade response = null;
        Indicator responseIndicator = model.dictionary().find(Reserved.RESPONSE_GRADE).orElse(null);
        if (facts.get(Reserved.RESPONSE_GRADE) != null) {
            response = new Decision.ResponseGrade(Grade.parse(facts.get(Reserved.RESPONSE_GRADE).toString())
                    .orElse(null), true);
        } else if (out.grade != null && responseIndicator != null) {
            String value = responseIndicator.enumValue(out.grade.name()).orElse(null);
            if (value != null) {
                facts.put(Reserved.RESPONSE_GRADE, value);
                response = new Decision.ResponseGrade(out.grade, false);
            }
        }
        if (hasResponseTables) {
            List<long[]> hits = response == null ? List.of() : fire(facts);
            out.decide(hits, facts, eventType, t -> !t.perSignal() && t.usesResponseGrade(), null);
        }
        return out.decision(response, signalDecisions);
    }

    private List<long[]> fire(Map<String, Object> facts) {
        return ruleBase.fire(facts);
    }

    /** The answers of the passes so far, and what they add up to. */
    private final class Outcome {
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

        /** Applies the hit policy of each selected table to its hits; returns the most serious colour given. */
        WarningColour decide(List<long[]> hits, Map<String, Object> facts, Object eventType,
                java.util.function.Predicate<DecisionTable> which, String signal) {
            Map<Integer, List<Rule>> matched = new HashMap<>();
            for (long[] hit : hits) {
                Rule r = rulesByTableAndRow.get((int) hit[0]).get((int) hit[1]);
                matched.computeIfAbsent((int) hit[0], k -> new ArrayList<>()).add(r);
            }
            WarningColour passColour = null;
            for (DecisionTable t : model.tables()) {
                if (!which.test(t)) {
                    continue;
                }
                List<Rule> rows = new ArrayList<>(matched.getOrDefault(t.index(), List.of()));
                rows.sort((a, b) -> Integer.compare(a.row(), b.row()));
                if (!t.eventTypes().isEmpty() && (eventType == null || !t.appliesTo(eventType.toString()))
                        || rows.isEmpty() && !t.hasInputIn(facts)) {
                    tables.add(new TableDecision(t.sheet(), t.title(), t.workbook(), t.hitPolicy().label(),
                            TableDecision.Outcome.NOT_APPLICABLE, List.of(), List.of(), signal));
                    continue;
                }
                List<RuleMatch> answers = new ArrayList<>();
                List<Rule> selected = t.hitPolicy().select(rows);
                List<String> overruled = rows.stream().filter(r -> !selected.contains(r)).map(Rule::id).toList();
                for (Rule r : selected) {
                    RuleMatch m = match(r, facts, explain);
                    answers.add(m);
                    fired.add(r.id());
                    actions.addAll(r.actions());
                    take(m);
                    if (m.colour() != null && (passColour == null || m.colour().isMoreSeriousThan(passColour))) {
                        passColour = m.colour();
                    }
                }
                tables.add(new TableDecision(t.sheet(), t.title(), t.workbook(), t.hitPolicy().label(),
                        answers.isEmpty() ? TableDecision.Outcome.NO_MATCH : TableDecision.Outcome.MATCHED, answers,
                        overruled, signal));
            }
            return passColour;
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
            for (String name : List.of(TypedOutputs.RISK_LEVEL, TypedOutputs.AREA_RISK, TypedOutputs.REPORT_WITHIN,
                    TypedOutputs.TERMINATION)) {
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

    private RuleMatch match(Rule r, Map<String, Object> values, boolean explain) {
        WarningColour colour = r.colour() != null ? r.colour() : r.grade() == null ? null
                : model.colours().get(r.grade());
        List<ConditionCheck> why = new ArrayList<>();
        if (explain) {
            for (Condition c : r.conditions()) {
                if (!c.isAny()) {
                    why.add(new ConditionCheck(c.indicator().name(), c.cell(), c.test().describe(), c.written(),
                            values.get(c.indicator().name())));
                }
            }
        }
        return new RuleMatch(r.id(), r.grade(), colour, r.actions(), r.outputs(), r.source(), r.tag(), why);
    }
}
