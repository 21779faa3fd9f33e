package org.beacon.rules;

import java.util.List;

/**
 * The answer for one situation.
 *
 * @param ruleSetId id of the rule set that decided
 * @param contentHash SHA-256 of its workbooks
 * @param grade the most serious grade among the answering rows, or null when none gives one
 * @param colour the most serious warning colour among them, or null
 * @param actions action codes of all answering rows, without repeats, in table order
 * @param firedRules ids of all answering rows, in table order
 * @param tables every table's answer, in rule-set order, including those that did not match
 */
public record Decision(String ruleSetId, String contentHash, Grade grade, WarningColour colour, List<String> actions,
        List<String> firedRules, List<TableDecision> tables) {

    public Decision {
        actions = List.copyOf(actions);
        firedRules = List.copyOf(firedRules);
        tables = List.copyOf(tables);
    }

    /** True when no row of any table answered: an explicit result, never a silent one. */
    public boolean noMatch() {
        return firedRules.isEmpty();
    }
}
