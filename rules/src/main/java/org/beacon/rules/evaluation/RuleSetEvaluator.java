package org.beacon.rules.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beacon.rules.decision.Decision;
import org.beacon.rules.decision.Margins;
import org.beacon.rules.decision.RuleMatch;
import org.beacon.rules.decision.SignalDecision;
import org.beacon.rules.decision.TableDecision;
import org.beacon.rules.engine.RuleBase;
import org.beacon.rules.evaluation.SituationValues.SignalFacts;
import org.beacon.rules.model.DecisionTable;
import org.beacon.rules.model.FilledIndicators;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.Indicator;
import org.beacon.rules.model.Rule;
import org.beacon.rules.model.RuleSetModel;
import org.beacon.rules.model.WarningColour;

/**
 * Decides with one compiled rule base: each signal through its tables, then the situation through its grading and
 * response tables. Drools finds every row whose conditions hold; the table's hit policy then picks the answer here,
 * so the policy is explicit and the rows that matched are always known, including when none did. Immutable and
 * thread-safe; what does not depend on the situation is built once, here.
 */
public final class RuleSetEvaluator {

    private final String id;
    private final String contentHash;
    private final RuleSetModel model;
    private final RuleBase ruleBase;
    /** Each table's rules by Excel row, by table index: how a rule the engine fired is found again. */
    private final Rule[][] rulesByRow;
    /** What each rule answers, by table index and Excel row, built once: nothing in it depends on the situation. */
    private final RuleAnswer[][] answersByRow;
    /** The boundaries every numeric condition writes, for a decision's margins. */
    private final MarginFinder margins;
    /** The tables decided once per signal, then the situation's grading tables, then its response tables. */
    private final List<DecisionTable> signalTables;
    private final List<DecisionTable> gradingTables;
    private final List<DecisionTable> responseTables;
    /** Each table's hit policy as its answers name it, by table index ({@code highest <name>} is built once). */
    private final String[] hitPolicyLabels;
    /** The answer of each table that does not apply to a situation, by table index: the same every time. */
    private final TableDecision[] notApplicable;
    /** The answer of each table none of whose rows matched, by table index: the same every time too. */
    private final TableDecision[] noMatch;
    /**
     * The indicators each table tests besides event type and region level, by table index (null when it tests none):
     * {@link DecisionTable#hasInputIn} without comparing names on every decision.
     */
    private final String[][] testedInputs;
    /** The Dictionary's {@code responseGrade} value for each grade (by ordinal), null where it declares none. */
    private final String[] responseGradeValues;
    /** The rows' output names by number, and the hours of their time limits: what decisions merge outputs by. */
    private final OutputIndex outputs = new OutputIndex();
    /**
     * Which tables apply to each event type a table names, by table index ({@link DecisionTable#appliesTo} once per
     * event type and table, when the version is built); {@link #appliesToOthers} for any other event type or none.
     */
    private final Map<String, boolean[]> appliesByEventType = new HashMap<>();
    /** Which tables apply to an event type no table names, or to a situation without one: those that name none. */
    private final boolean[] appliesToOthers;

    /**
     * @param id the rule set's id, as decisions name it
     * @param contentHash SHA-256 of its workbooks
     */
    public RuleSetEvaluator(String id, String contentHash, RuleSetModel model, RuleBase ruleBase) {
        this.id = id;
        this.contentHash = contentHash;
        this.model = model;
        this.ruleBase = ruleBase;
        int tableCount = model.tables().stream().mapToInt(DecisionTable::index).max().orElse(-1) + 1;
        this.rulesByRow = new Rule[tableCount][];
        this.answersByRow = new RuleAnswer[tableCount][];
        this.hitPolicyLabels = new String[tableCount];
        this.notApplicable = new TableDecision[tableCount];
        this.noMatch = new TableDecision[tableCount];
        this.testedInputs = new String[tableCount][];
        Indicator responseIndicator = model.dictionary().find(FilledIndicators.RESPONSE_GRADE).orElse(null);
        this.responseGradeValues = new String[Grade.values().length];
        for (Grade g : Grade.values()) {
            responseGradeValues[g.ordinal()] = responseIndicator == null ? null
                    : responseIndicator.enumValue(g.name()).orElse(null);
        }
        List<DecisionTable> signal = new ArrayList<>();
        List<DecisionTable> grading = new ArrayList<>();
        List<DecisionTable> response = new ArrayList<>();
        for (DecisionTable t : model.tables()) {
            Rule[] rows = new Rule[t.rules().stream().mapToInt(Rule::row).max().orElse(-1) + 1];
            RuleAnswer[] answers = new RuleAnswer[rows.length];
            for (Rule r : t.rules()) {
                rows[r.row()] = r;
                answers[r.row()] = RuleAnswer.of(t, r, model.colours(), outputs, model.actions(),
                        responseGradeValues);
            }
            rulesByRow[t.index()] = rows;
            answersByRow[t.index()] = answers;
            hitPolicyLabels[t.index()] = t.hitPolicyLabel();
            notApplicable[t.index()] = answer(t, TableDecision.Outcome.NOT_APPLICABLE, List.of(), List.of(), null);
            noMatch[t.index()] = answer(t, TableDecision.Outcome.NO_MATCH, List.of(), List.of(), null);
            testedInputs[t.index()] = testedInputs(t);
            (t.perSignal() ? signal : t.decidedAfterGrading() ? response : grading).add(t);
        }
        this.appliesToOthers = new boolean[tableCount];
        for (DecisionTable t : model.tables()) {
            appliesToOthers[t.index()] = t.eventTypes().isEmpty();
            for (String type : t.eventTypes()) {
                appliesByEventType.computeIfAbsent(type, k -> applicable(model.tables(), tableCount, k));
            }
        }
        this.signalTables = List.copyOf(signal);
        this.gradingTables = List.copyOf(grading);
        this.responseTables = List.copyOf(response);
        this.margins = new MarginFinder(this, model);
    }

    private static boolean[] applicable(List<DecisionTable> tables, int tableCount, String eventType) {
        boolean[] applies = new boolean[tableCount];
        for (DecisionTable t : tables) {
            applies[t.index()] = t.appliesTo(eventType);
        }
        return applies;
    }

    /** The names {@link DecisionTable#hasInputIn} looks for, or null when the table tests no such indicator. */
    private static String[] testedInputs(DecisionTable t) {
        String[] names = t.inputs().stream().map(Indicator::name)
                .filter(n -> !n.equals(Indicator.EVENT_TYPE) && !n.equals(Indicator.ADMIN_LEVEL))
                .toArray(String[]::new);
        return names.length == 0 ? null : names;
    }

    /** A table's answer to one situation (or to one of its signals), with the table's own identification. */
    TableDecision answer(DecisionTable t, TableDecision.Outcome outcome, List<RuleMatch> matches,
            List<String> overruled, String signal) {
        return new TableDecision(t.sheet(), t.title(), t.workbook(), hitPolicyLabels[t.index()], outcome, matches,
                overruled, signal);
    }

    /** The same rule base under another id. */
    public RuleSetEvaluator withId(String newId) {
        return new RuleSetEvaluator(newId, contentHash, model, ruleBase);
    }

    public String id() {
        return id;
    }

    public String contentHash() {
        return contentHash;
    }

    public RuleSetModel model() {
        return model;
    }

    public RuleBase ruleBase() {
        return ruleBase;
    }

    /**
     * Decides a situation checked against this rule set's dictionary.
     *
     * @throws IllegalArgumentException when it has problems or was checked against another dictionary
     */
    public Decision evaluate(SituationValues checked, boolean explain) {
        if (checked.dictionary() != model.dictionary()) {
            throw new IllegalArgumentException("the situation was checked against another rule set's dictionary");
        }
        if (!checked.problems().isEmpty()) {
            throw new IllegalArgumentException("a situation with problems cannot be decided: " + checked.problems());
        }
        return evaluate(checked.values(), checked.signals(), explain);
    }

    /**
     * The margins of a decision: how far each numeric indicator of the situation is from a value at which the answer
     * would change.
     *
     * @param decided the decision this rule set made for {@code checked}; its answer is the one margins move away from
     */
    public Margins margins(SituationValues checked, Decision decided) {
        if (checked.dictionary() != model.dictionary() || !checked.problems().isEmpty()) {
            throw new IllegalArgumentException("margins need a situation this rule set checked without problems");
        }
        return margins.find(checked, decided);
    }

    /** Decides values the situation's check gave, with one of them changed: the path every decision takes. */
    Decision decide(Map<String, Object> values, List<SignalFacts> signals) {
        return evaluate(values, signals, false);
    }

    /**
     * Decides canonical values as a test sheet gives them: indicators that describe a signal ({@code signalSource},
     * {@code earsC2} …) make one signal; {@code explain} false leaves explanations empty.
     */
    public Decision evaluateValues(Map<String, Object> given, boolean explain) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> signal = new LinkedHashMap<>();
        Map<String, BigDecimal> statistics = new LinkedHashMap<>();
        given.forEach((name, v) -> {
            if (FilledIndicators.role(name) == FilledIndicators.Role.PER_SIGNAL) {
                signal.put(name, v);
                if (v instanceof BigDecimal n) {
                    statistics.put(name, n);
                }
            } else {
                values.put(name, v);
            }
        });
        List<SignalFacts> signals = signal.isEmpty() ? List.of()
                : List.of(new SignalFacts(String.valueOf(signal.getOrDefault(FilledIndicators.SIGNAL_SOURCE, "")),
                        null, statistics, signal));
        return evaluate(values, signals, explain);
    }

    /**
     * Each signal through the {@code For each: signal} tables, one rule-engine pass per signal; then one pass for the
     * situation (with the signal counts): its grading tables decide the grade, and with that grade as
     * {@code responseGrade} (unless the situation gave one) its response tables keep the rows whose response-grade
     * conditions it meets (the engine matched their other conditions in the same pass, see {@code DrlWriter}).
     */
    private Decision evaluate(Map<String, Object> values, List<SignalFacts> signals, boolean explain) {
        DecisionBuilder out = new DecisionBuilder(this, explain);
        Object eventType = values.get(Indicator.EVENT_TYPE);
        boolean[] applies = eventType == null ? appliesToOthers
                : appliesByEventType.getOrDefault(eventType.toString(), appliesToOthers);
        List<SignalDecision> signalDecisions = new ArrayList<>();
        List<WarningColour> signalColours = new ArrayList<>();
        for (SignalFacts signal : signals) {
            Map<String, Object> facts = copy(values);
            facts.putAll(signal.facts());
            int before = out.fired.size();
            WarningColour colour = out.decide(matched(fire(facts)), facts, applies, signalTables, signal.source());
            signalColours.add(colour);
            signalDecisions.add(new SignalDecision(signal.source(), signal.lastDay(), signal.statistics(), colour,
                    out.fired.subList(before, out.fired.size())));
        }
        Map<String, Object> facts = copy(values);
        if (!signals.isEmpty()) {
            WarningColour[] levels = {WarningColour.BLUE, WarningColour.YELLOW, WarningColour.ORANGE,
                WarningColour.RED};
            for (int i = 0; i < levels.length; i++) {
                WarningColour level = levels[i];
                long n = signalColours.stream().filter(c -> c != null && !level.isMoreSeriousThan(c)).count();
                facts.putIfAbsent(FilledIndicators.SIGNAL_COUNTS.get(i), BigDecimal.valueOf(n));
            }
        }
        List<Rule>[] matched = matched(fire(facts));
        out.decide(matched, facts, applies, gradingTables, null);
        Decision.ResponseGrade response = null;
        if (facts.get(FilledIndicators.RESPONSE_GRADE) != null) {
            response = new Decision.ResponseGrade(Grade.parse(facts.get(FilledIndicators.RESPONSE_GRADE).toString())
                    .orElse(null), true);
        } else if (out.grade != null) {
            String value = responseGradeValues[out.grade.ordinal()];
            if (value != null) {
                facts.put(FilledIndicators.RESPONSE_GRADE, value);
                response = new Decision.ResponseGrade(out.grade, false);
            }
        }
        if (!responseTables.isEmpty()) {
            Object grade = facts.get(FilledIndicators.RESPONSE_GRADE);
            int known = grade instanceof String g ? Arrays.asList(responseGradeValues).indexOf(g) : -1;
            for (DecisionTable t : responseTables) {
                // without a response grade the response tables have nothing to work from, whatever their rows say
                matched[t.index()] = response == null ? null
                        : meetingResponseGrade(t, matched[t.index()], grade, known);
            }
            out.decide(matched, facts, applies, responseTables, null);
        }
        return out.decision(response, signalDecisions);
    }

    /**
     * A decision's own copy of the situation's values, to which it adds what it derives. By {@code forEach}: copying
     * the unmodifiable map by its entry set wraps every entry in a new object first.
     */
    private static Map<String, Object> copy(Map<String, Object> values) {
        Map<String, Object> facts = new HashMap<>();
        values.forEach(facts::put);
        return facts;
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

    /**
     * The rows, of those the engine matched in this table, whose response-grade conditions accept this grade.
     *
     * @param known the grade's index in {@link #responseGradeValues}, whose answers the rows computed once; or -1
     */
    private List<Rule> meetingResponseGrade(DecisionTable t, List<Rule> rows, Object grade, int known) {
        if (rows == null) {
            return null;
        }
        List<Rule> kept = new ArrayList<>(rows.size());
        for (Rule r : rows) {
            if (answersByRow[t.index()][r.row()].meetsGrade(grade, known)) {
                kept.add(r);
            }
        }
        return kept;
    }

    /** The rows' output names by number, and the hours of their time limits. */
    OutputIndex outputs() {
        return outputs;
    }

    /** What rule {@code row} of table {@code table} answers when its table selects it. */
    RuleAnswer answer(int table, int row) {
        return answersByRow[table][row];
    }

    /** The answer of a table that does not apply, without a signal. */
    TableDecision notApplicable(int table) {
        return notApplicable[table];
    }

    /** The answer of a table none of whose rows matched, without a signal. */
    TableDecision noMatch(int table) {
        return noMatch[table];
    }

    /** {@link DecisionTable#hasInputIn}, from the names listed once per table. */
    boolean hasInputIn(int table, Map<String, Object> facts) {
        String[] names = testedInputs[table];
        if (names == null) {
            return true;
        }
        for (String name : names) {
            if (facts.get(name) != null) {
                return true;
            }
        }
        return false;
    }
}
