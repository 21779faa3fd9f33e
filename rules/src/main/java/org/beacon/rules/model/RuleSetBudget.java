package org.beacon.rules.model;

/**
 * How much one version may hold, over all its workbooks together, checked from the cells as read and before
 * anything is parsed or compiled. The reading limits ({@link WorkbookLimits}) bound what one file may make Beacon
 * read; this budget bounds what a version may make it compile and keep: every table row becomes a rule the rule
 * engine compiles and holds in memory, so a few large workbooks, each within the reading limits, could otherwise
 * exhaust the heap. Counts, never the free heap, so the same files always get the same answer.
 *
 * @param maxRuleRows most rule rows (the rows below a table's header) across the tables of a version
 * @param maxCells most non-blank cells across every sheet of a version (tests, dictionaries and lists included)
 */
public record RuleSetBudget(long maxRuleRows, long maxCells) {

    /** Sized for a service with a 1 GB heap; see the Limits in the README for the figures behind it. */
    public static final RuleSetBudget DEFAULT = new RuleSetBudget(10_000, 200_000);

    /** No budget: for measuring compiles of sizes beyond any budget (the benchmarks). */
    public static final RuleSetBudget UNLIMITED = new RuleSetBudget(Long.MAX_VALUE, Long.MAX_VALUE);

    public RuleSetBudget {
        if (maxRuleRows <= 0 || maxCells <= 0) {
            throw new IllegalArgumentException("a rule-set budget must be positive, not " + maxRuleRows
                    + " rule rows and " + maxCells + " cells");
        }
    }
}
