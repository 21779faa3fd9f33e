package org.beacon.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.beacon.rules.table.Findings;
import org.beacon.rules.table.RuleSetSize;

/**
 * How much one version may hold, over all its workbooks together, checked from the cells as read and before
 * anything is parsed or compiled. The reading limits ({@link org.beacon.rules.workbook.WorkbookLimits}) bound what
 * one file may make Beacon read; this budget bounds what a version may make it compile and keep: every table row
 * becomes a rule the rule engine compiles and holds in memory, so a few large workbooks, each within the reading
 * limits, could otherwise exhaust the heap. Counts, never the free heap, so the same files always get the same
 * answer.
 *
 * @param maxRuleRows most rule rows (the rows below a table's header) across the tables of a version
 * @param maxCells most non-blank cells across every sheet of a version (tests, dictionaries and lists included)
 */
public record RuleSetBudget(long maxRuleRows, long maxCells) {

    /** Sized for a service with a 1 GB heap; see the Limits in the README for the figures behind it. */
    public static final RuleSetBudget DEFAULT = new RuleSetBudget(10_000, 200_000);

    static final String CODE = "RULE_SET_TOO_LARGE";

    public RuleSetBudget {
        if (maxRuleRows <= 0 || maxCells <= 0) {
            throw new IllegalArgumentException("a rule-set budget must be positive, not " + maxRuleRows
                    + " rule rows and " + maxCells + " cells");
        }
    }

    /** Reports a version over the budget, at its largest table; true when it fits. */
    boolean admits(RuleSetSize size, Findings findings) {
        List<String> over = new ArrayList<>();
        if (size.ruleRows() > maxRuleRows) {
            over.add(count(size.ruleRows()) + " rule rows in its tables (the limit is " + count(maxRuleRows)
                    + "; largest: " + largest(size) + ")");
        }
        if (size.cells() > maxCells) {
            over.add(count(size.cells()) + " non-blank cells (the limit is " + count(maxCells) + ", tests and "
                    + "dictionaries included)");
        }
        if (over.isEmpty()) {
            return true;
        }
        String message = "this version has " + String.join(" and ", over) + ", counted over all its workbooks: "
                + "each table row becomes a rule that is compiled and kept in memory, so nothing was compiled. To "
                + "fit, use fewer rows per table (merge rows with the same answer into ranges or lists: 10～29 "
                + "instead of one row per value, - for any value), leave out tables and test cases this version "
                + "does not need, or split the tables over several rule sets; a larger budget needs a larger heap, "
                + "which whoever runs Beacon can configure";
        Findings at = size.tables().isEmpty() ? findings : findings.forWorkbook(size.tables().get(0).workbook());
        at.error(size.tables().isEmpty() ? "" : size.tables().get(0).sheet(), CODE, message);
        return false;
    }

    private static String largest(RuleSetSize size) {
        return size.tables().stream().limit(3).map(t -> t.sheet() + " in " + t.workbook() + ", " + count(t.rows()))
                .collect(Collectors.joining("; "));
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
