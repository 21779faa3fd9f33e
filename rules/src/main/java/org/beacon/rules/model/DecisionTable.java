package org.beacon.rules.model;

import java.util.List;
import java.util.Map;

/**
 * One Table sheet.
 *
 * @param index position in the rule set, used by generated rules instead of the sheet name
 * @param workbook the workbook it came from
 * @param sheet the sheet name; rule ids start with it
 * @param title B1
 * @param hitPolicy how matching rows become the answer
 * @param eventTypes event types it applies to; empty for all
 * @param inputs indicators of its IF columns, in column order
 * @param rules data rows, top to bottom
 * @param headerRow the Excel row of its header
 * @param gapsExpected true when the table says some inputs are meant to match no row (e.g. below every threshold)
 * @param perSignal true when the table is evaluated once per signal ({@code For each: signal})
 * @param rankedBy under {@code highest <name>}, the ordered output whose most serious value wins; null when the
 *     table ranks by grade (and colour)
 * @param overlapsExpected true when the table says rows matching the same inputs are intended (an order under
 *     first match), so overlaps are infos rather than warnings
 * @param coverageRequired true when every row must be answered by a test case and every threshold tested on both
 *     sides ({@code Coverage: required}); otherwise what the tests leave out is only an info
 * @param missingCoveredCell the cell of {@code Missing: covered} when the table must answer every situation in which
 *     an indicator it tests is missing (the analysis names this cell); null when it need not
 */
public record DecisionTable(int index, String workbook, String sheet, String title, HitPolicy hitPolicy,
        List<String> eventTypes, List<Indicator> inputs, List<Rule> rules, int headerRow, boolean gapsExpected,
        boolean perSignal, Indicator rankedBy, boolean overlapsExpected, boolean coverageRequired,
        String missingCoveredCell) {

    public DecisionTable {
        eventTypes = List.copyOf(eventTypes);
        inputs = List.copyOf(inputs);
        rules = List.copyOf(rules);
    }

    /** True when the table must answer a situation whatever indicator it tests is missing ({@code Missing: covered}). */
    public boolean missingCovered() {
        return missingCoveredCell != null;
    }

    /** The hit policy as the table says it: {@code highest level} when it ranks by an ordered output. */
    public String hitPolicyLabel() {
        return rankedBy == null ? hitPolicy.label() : "highest " + rankedBy.name();
    }

    /**
     * The rows that answer, given the rows that matched (top to bottom): the hit policy's choice, or under
     * {@code highest <name>} the row with the most serious value of that output, the upper one on a tie.
     */
    public List<Rule> select(List<Rule> matching) {
        if (rankedBy == null || matching.isEmpty()) {
            return hitPolicy.select(matching);
        }
        Rule best = matching.get(0);
        for (Rule r : matching) {
            if (rankedBy.rank(r.outputs().get(rankedBy.name())) > rankedBy.rank(best.outputs().get(rankedBy.name()))) {
                best = r;
            }
        }
        return List.of(best);
    }

    /** True when a column tests the response grade, so the table runs after the grading tables. */
    public boolean usesResponseGrade() {
        for (Indicator i : inputs) {
            if (i.name().equals(FilledIndicators.RESPONSE_GRADE)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True for the response tables: a table of the situation (not per signal) that tests the response grade, and so
     * is decided after the grading tables, with the grade they decided. Its rows' response-grade conditions are
     * checked then, on that grade; the rule engine matches their other conditions in the same pass as the grading
     * tables.
     */
    public boolean decidedAfterGrading() {
        return !perSignal && usesResponseGrade();
    }

    /**
     * True for a condition of this table that is checked once the grade is decided rather than by the rule engine:
     * the response-grade conditions of a response table. {@code DrlWriter} leaves exactly these out of the rules and
     * {@code RuleSetEvaluator} checks exactly these, so the two cannot disagree on which they are.
     */
    public boolean checkedAfterGrading(Condition c) {
        return decidedAfterGrading() && c.indicator().name().equals(FilledIndicators.RESPONSE_GRADE);
    }

    /**
     * False when the table tests indicators beyond the situation's own event type and region level and {@code facts}
     * holds none of them: when no row matched either, the situation is about something else (a risk-map table for a
     * cholera report) and the table is not applicable rather than unmatched.
     */
    public boolean hasInputIn(Map<String, Object> facts) {
        boolean tests = false;
        for (Indicator i : inputs) {
            if (!i.name().equals(Indicator.EVENT_TYPE) && !i.name().equals(Indicator.ADMIN_LEVEL)) {
                if (facts.get(i.name()) != null) {
                    return true;
                }
                tests = true;
            }
        }
        return !tests;
    }

    public boolean appliesTo(String eventType) {
        return eventTypes.isEmpty() || eventTypes.contains(eventType);
    }
}
