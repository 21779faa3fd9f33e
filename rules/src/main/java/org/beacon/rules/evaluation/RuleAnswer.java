package org.beacon.rules.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.beacon.rules.decision.ConditionCheck;
import org.beacon.rules.decision.RuleMatch;
import org.beacon.rules.model.ActionDefinition;
import org.beacon.rules.model.Condition;
import org.beacon.rules.model.DecisionTable;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.Rule;
import org.beacon.rules.model.TypedOutputs;
import org.beacon.rules.model.WarningColour;

/**
 * What one rule answers when its table selects it, built once when the rule set is compiled: only the values its
 * explanation quotes come from the situation.
 *
 * @param unexplained the match without explanation
 * @param tested the conditions the explanation describes (all but "any")
 * @param tests what each of {@code tested} tests, described
 * @param afterGrading the conditions checked once the grade is decided rather than by the rule engine
 *     ({@link DecisionTable#checkedAfterGrading})
 * @param outputSlots the number {@link OutputIndex} gave each of the rule's outputs, in the rule's order
 * @param outputValues the value of each of them, in the same order
 * @param keptValues the rule's value of each output a decision keeps one of ({@link DecisionBuilder#KEPT_OUTPUTS}),
 *     in that list's order, null where it gives none
 * @param setsReporting true when the rule sets a reporting duty ({@code THEN reportWithin})
 * @param actionSlots the number {@link OutputIndex} gave each of the rule's action codes, in the rule's order
 * @param meetsKnownGrades {@link #meetsGrade} of each of the Dictionary's {@code responseGrade} values for the grades
 *     (by the grade's ordinal), computed once: the response rows are checked for every graded situation
 */
record RuleAnswer(RuleMatch unexplained, List<Condition> tested, List<String> tests, List<Condition> afterGrading,
        int[] outputSlots, String[] outputValues, String[] keptValues, boolean setsReporting,
        int[] actionSlots, boolean[] meetsKnownGrades) {

    static RuleAnswer of(DecisionTable table, Rule r, Map<Grade, WarningColour> colours, OutputIndex outputs,
            Map<String, ActionDefinition> catalogue, String[] responseGradeValues) {
        WarningColour colour = r.colour() != null ? r.colour() : r.grade() == null ? null : colours.get(r.grade());
        List<Condition> tested = r.conditions().stream().filter(c -> !c.isAny()).toList();
        String[] kept = new String[DecisionBuilder.KEPT_OUTPUTS.size()];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = r.outputs().get(DecisionBuilder.KEPT_OUTPUTS.get(i));
        }
        List<Condition> afterGrading = r.conditions().stream().filter(table::checkedAfterGrading).toList();
        boolean[] meetsKnown = new boolean[responseGradeValues.length];
        for (int i = 0; i < meetsKnown.length; i++) {
            meetsKnown[i] = meets(afterGrading, responseGradeValues[i]);
        }
        return new RuleAnswer(new RuleMatch(r.id(), r.grade(), colour, r.actions(), r.outputs(), r.source(), r.tag(),
                List.of()), tested, tested.stream().map(c -> c.criterion().describe()).toList(),
                afterGrading, outputs.slotsOf(r),
                r.outputs().values().toArray(String[]::new), kept,
                r.outputs().containsKey(TypedOutputs.REPORT_WITHIN),
                outputs.actionSlotsOf(r, catalogue), meetsKnown);
    }

    RuleMatch match(Map<String, Object> values, boolean explain) {
        if (!explain || tested.isEmpty()) {
            return unexplained;
        }
        List<ConditionCheck> why = new ArrayList<>(tested.size());
        for (int i = 0; i < tested.size(); i++) {
            Condition c = tested.get(i);
            why.add(new ConditionCheck(c.indicator().name(), c.cell(), tests.get(i), c.written(),
                    values.get(c.indicator().name())));
        }
        RuleMatch m = unexplained;
        return new RuleMatch(m.ruleId(), m.grade(), m.colour(), m.actions(), m.outputs(), m.source(), m.tag(), why);
    }

    /**
     * True when the conditions left to check after grading (if any) accept the grade decided.
     *
     * @param known the index of {@code grade} among the values {@link #meetsKnownGrades} answers for, or -1
     */
    boolean meetsGrade(Object grade, int known) {
        return known >= 0 ? meetsKnownGrades[known] : meets(afterGrading, grade);
    }

    private static boolean meets(List<Condition> afterGrading, Object grade) {
        for (Condition c : afterGrading) {
            if (!c.accepts(grade)) {
                return false;
            }
        }
        return true;
    }
}
