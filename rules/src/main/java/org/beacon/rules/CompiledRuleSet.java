package org.beacon.rules;

import java.util.ArrayList;
import java.util.HashMap;
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
import org.beacon.rules.table.RuleSetModel;

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
        return problems;
    }

    /**
     * Decides one situation.
     *
     * @throws InvalidSituationException when the situation does not fit the dictionary
     */
    public Decision evaluate(Situation situation) {
        List<SituationProblem> problems = new ArrayList<>();
        Map<String, Object> values = SituationValues.of(situation, model.dictionary(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidSituationException(problems);
        }
        return evaluateValues(values, true);
    }

    /** Decides canonical values (as test sheets give them); {@code explain} false leaves explanations empty. */
    Decision evaluateValues(Map<String, Object> values, boolean explain) {
        Map<Integer, List<Rule>> matched = new HashMap<>();
        for (long[] hit : ruleBase.fire(values)) {
            Rule r = rulesByTableAndRow.get((int) hit[0]).get((int) hit[1]);
            matched.computeIfAbsent((int) hit[0], k -> new ArrayList<>()).add(r);
        }
        Object eventType = values.get(Indicator.EVENT_TYPE);
        List<TableDecision> tables = new ArrayList<>(model.tables().size());
        Grade grade = null;
        WarningColour colour = null;
        Set<String> actions = new LinkedHashSet<>();
        List<String> fired = new ArrayList<>();
        for (DecisionTable t : model.tables()) {
            List<Rule> rows = new ArrayList<>(matched.getOrDefault(t.index(), List.of()));
            rows.sort((a, b) -> Integer.compare(a.row(), b.row()));
            if (!t.eventTypes().isEmpty() && (eventType == null || !t.appliesTo(eventType.toString()))) {
                tables.add(new TableDecision(t.sheet(), t.title(), t.workbook(), t.hitPolicy().label(),
                        TableDecision.Outcome.NOT_APPLICABLE, List.of(), List.of()));
                continue;
            }
            List<RuleMatch> answers = new ArrayList<>();
            List<Rule> selected = t.hitPolicy().select(rows);
            List<String> overruled = rows.stream().filter(r -> !selected.contains(r)).map(Rule::id).toList();
            for (Rule r : selected) {
                RuleMatch m = match(r, values, explain);
                answers.add(m);
                fired.add(r.id());
                actions.addAll(r.actions());
                if (m.grade() != null && (grade == null || m.grade().isMoreSeriousThan(grade))) {
                    grade = m.grade();
                }
                if (m.colour() != null && (colour == null || m.colour().isMoreSeriousThan(colour))) {
                    colour = m.colour();
                }
            }
            tables.add(new TableDecision(t.sheet(), t.title(), t.workbook(), t.hitPolicy().label(),
                    answers.isEmpty() ? TableDecision.Outcome.NO_MATCH : TableDecision.Outcome.MATCHED, answers,
                    overruled));
        }
        return new Decision(id, contentHash, grade, colour, new ArrayList<>(actions), fired, tables);
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
