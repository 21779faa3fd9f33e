package org.beacon.rules.model;

/**
 * How large a version is, counted as its size budget counts it: the decision tables of all its workbooks, their rule
 * rows, and the non-blank cells of every sheet (tests, dictionaries and lists included).
 */
public record VersionSize(int tables, long ruleRows, long cells) {

    /**
     * Heap a compiled rule row keeps (its Drools rule, network nodes and the model's row): 251 MB for a 10,000-row
     * generated version and about 5 MB for the 214 rows of the bundled tables (BENCHMARKS.md, "Compile of generated
     * tables").
     */
    static final long BYTES_PER_RULE_ROW = 25_000;
    /** What a cell keeps besides its rule: the text of labels, dictionaries and test rows the model holds. */
    static final long BYTES_PER_CELL = 100;

    /**
     * About how much heap this version keeps once compiled, from its counts alone: the one estimate of a version's
     * size in memory, so that what the compile budget admits and what the cache of compiled versions holds are
     * weighed alike. Rounded up rather than down: it bounds a heap.
     */
    public long retainedBytes() {
        return ruleRows * BYTES_PER_RULE_ROW + cells * BYTES_PER_CELL;
    }
}
