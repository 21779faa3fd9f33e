package org.beacon.rules.engine;

import java.util.Map;
import java.util.NavigableMap;

/**
 * DRL written by {@link DrlWriter}, with the way back from generated names and lines to the workbook.
 *
 * @param drl the rule source
 * @param ruleIds generated rule name ({@code t0_r9}) to rule id ({@code Cholera!R9})
 * @param firstLines first DRL line of each rule, to place a compile error on its row
 */
public record GeneratedRules(String drl, Map<String, String> ruleIds, NavigableMap<Integer, String> firstLines) {

    /** The rule id whose text contains a DRL line, or null for lines outside any rule. */
    public String ruleIdAtLine(int line) {
        Map.Entry<Integer, String> e = firstLines.floorEntry(line);
        return e == null ? null : e.getValue();
    }
}
