package org.beacon.rules.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.beacon.rules.decision.Decision;
import org.beacon.rules.decision.RuleMatch;
import org.beacon.rules.decision.SignalDecision;
import org.beacon.rules.decision.TableDecision;
import org.beacon.rules.model.ActionDefinition;
import org.beacon.rules.model.AreaRisk;
import org.beacon.rules.model.DecisionTable;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.RiskLevel;
import org.beacon.rules.model.Rule;
import org.beacon.rules.model.TypedOutputs;
import org.beacon.rules.model.WarningColour;

/**
 * The answers of one decision's passes so far, and what they add up to: each table's answer by its hit policy, the
 * most serious grade and colour, the outputs (one kept value for the typed ones), the reporting duty. One per
 * decision, on one thread.
 */
final class DecisionBuilder {
    /** The outputs a decision keeps one value of, in the order {@link RuleAnswer#keptValues} lists them. */
    static final List<String> KEPT_OUTPUTS = List.of(TypedOutputs.RISK_LEVEL, TypedOutputs.AREA_RISK,
            TypedOutputs.REPORT_WITHIN, TypedOutputs.TERMINATION);
    private static final Comparator<Rule> BY_ROW = Comparator.comparingInt(Rule::row);

    private final RuleSetEvaluator rules;
    final boolean explain;
    final List<TableDecision> tables;
    final List<String> fired = new ArrayList<>();
    /** The action codes of the answering rows without repeats, in table order, by their {@link OutputIndex} number. */
    private final int[] actions;
    private final boolean[] actionGiven;
    private int actionCount;
    final MergedOutputs outputs;
    final List<String> reportingRows = new ArrayList<>();
    /** The one value kept so far of each typed output (risk level, risk-map colour, time limit, termination). */
    final Map<String, String> kept = new HashMap<>();
    Grade grade;
    WarningColour colour;

    DecisionBuilder(RuleSetEvaluator rules, boolean explain) {
        this.rules = rules;
        this.explain = explain;
        // every table answers at least once: sized so that the list of answers never grows
        this.tables = new ArrayList<>(rules.model().tables().size());
        this.outputs = new MergedOutputs(rules.outputs());
        this.actions = new int[rules.outputs().actionCount()];
        this.actionGiven = new boolean[actions.length];
    }

    /**
     * Applies the hit policy of each of these tables to its matched rows, in rule-set order; returns the most
     * serious colour given.
     *
     * @param applies by table index, whether the table applies to the situation's event type
     */
    WarningColour decide(List<Rule>[] matched, Map<String, Object> facts, boolean[] applies,
            List<DecisionTable> which, String signal) {
        WarningColour passColour = null;
        for (DecisionTable t : which) {
            List<Rule> rows = matched[t.index()];
            boolean none = rows == null || rows.isEmpty();
            if (!applies[t.index()] || none && !rules.hasInputIn(t.index(), facts)) {
                tables.add(signal == null ? rules.notApplicable(t.index()) : rules.answer(t,
                        TableDecision.Outcome.NOT_APPLICABLE, List.of(), List.of(), signal));
                continue;
            }
            if (none) {
                tables.add(signal == null ? rules.noMatch(t.index())
                        : rules.answer(t, TableDecision.Outcome.NO_MATCH, List.of(), List.of(), signal));
                continue;
            }
            if (rows.size() > 1) {
                rows.sort(BY_ROW);
            }
            List<Rule> selected = t.select(rows);
            List<RuleMatch> answers = new ArrayList<>(selected.size());
            for (Rule r : selected) {
                RuleAnswer a = rules.answer(t.index(), r.row());
                RuleMatch m = a.match(facts, explain);
                answers.add(m);
                fired.add(r.id());
                int[] slots = a.actionSlots();
                for (int i = 0; i < slots.length; i++) {
                    if (!actionGiven[slots[i]]) {
                        actionGiven[slots[i]] = true;
                        actions[actionCount++] = slots[i];
                    }
                }
                take(a, m);
                if (m.colour() != null && (passColour == null || m.colour().isMoreSeriousThan(passColour))) {
                    passColour = m.colour();
                }
            }
            tables.add(rules.answer(t, TableDecision.Outcome.MATCHED, answers, overruled(rows, selected),
                    signal));
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

    private void take(RuleAnswer a, RuleMatch m) {
        if (m.grade() != null && (grade == null || m.grade().isMoreSeriousThan(grade))) {
            grade = m.grade();
        }
        if (m.colour() != null && (colour == null || m.colour().isMoreSeriousThan(colour))) {
            colour = m.colour();
        }
        outputs.add(a);
        String[] values = a.keptValues();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                String name = KEPT_OUTPUTS.get(i);
                kept.put(name, TypedOutputs.keep(name, kept.get(name), values[i]));
            }
        }
        if (a.setsReporting()) {
            reportingRows.add(m.ruleId());
        }
    }

    Decision decision(Decision.ResponseGrade response, List<SignalDecision> signals) {
        String[] codes = new String[actionCount];
        List<ActionDefinition> details = new ArrayList<>(actionCount);
        for (int i = 0; i < actionCount; i++) {
            codes[i] = rules.outputs().actionCode(actions[i]);
            ActionDefinition d = rules.outputs().actionDetail(actions[i]);
            if (d != null) {
                details.add(d);
            }
        }
        String within = kept.get(TypedOutputs.REPORT_WITHIN);
        String risk = kept.get(TypedOutputs.RISK_LEVEL);
        String area = kept.get(TypedOutputs.AREA_RISK);
        Decision.Reporting reporting = new Decision.Reporting(!reportingRows.isEmpty(),
                within == null ? null : rules.outputs().hours(within),
                outputs.get("reportTo"), outputs.get("reportToEn"),
                reportingRows);
        return new Decision(rules.id(), rules.contentHash(), grade, colour, List.of(codes), fired, tables,
                response, signals, risk == null ? null : RiskLevel.parse(risk).orElseThrow(),
                area == null ? null : AreaRisk.parse(area).orElseThrow(), reporting,
                kept.get(TypedOutputs.TERMINATION), details, outputs.toMap());
    }
}
