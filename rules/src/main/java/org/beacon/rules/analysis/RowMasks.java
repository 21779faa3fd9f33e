package org.beacon.rules.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.beacon.rules.model.Condition;
import org.beacon.rules.model.Indicator;
import org.beacon.rules.model.Rule;

/**
 * Which rows of a table accept each representative value of each input, as bit masks over the rows: a row matches a
 * combination of values when each of its conditions accepts its indicator's value, so the rows matching a
 * combination are the AND of one mask per input. The analysis visits every combination (up to its budget of
 * combinations × rows), and testing every row's conditions again for each one made it quadratic in practice;
 * the masks test each condition once per value. Built for one analysis on one thread.
 */
final class RowMasks {

    private final List<Rule> rules;
    private final int words;
    /** Rows whose conditions on values outside the inputs (the table's event scope) hold. */
    private final long[] base;
    /** [input][sample] → rows whose conditions on that input accept that sample. */
    private final long[][][] masks;

    /**
     * @param samples each input's representative values; {@code missing} stands for the value not given
     * @param scope values the situation always gives besides the inputs
     */
    RowMasks(List<Rule> rules, List<Indicator> dims, List<List<Object>> samples, Object missing,
            Map<String, Object> scope) {
        this.rules = rules;
        this.words = (rules.size() + 63) / 64;
        // a name given by two inputs holds the last one's value, as in a map of the values by name
        Map<String, Integer> dimOf = new HashMap<>();
        for (int d = 0; d < dims.size(); d++) {
            dimOf.put(dims.get(d).name(), d);
        }
        this.base = new long[words];
        this.masks = new long[dims.size()][][];
        for (int d = 0; d < dims.size(); d++) {
            masks[d] = new long[samples.get(d).size()][words];
        }
        for (int r = 0; r < rules.size(); r++) {
            boolean inScope = true;
            boolean[][] refused = new boolean[dims.size()][];
            for (Condition c : rules.get(r).conditions()) {
                Integer d = dimOf.get(c.indicator().name());
                if (d == null) {
                    inScope &= c.accepts(scope.get(c.indicator().name()));
                    continue;
                }
                List<Object> values = samples.get(d);
                if (refused[d] == null) {
                    refused[d] = new boolean[values.size()];
                }
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    refused[d][i] |= !c.accepts(v == missing ? null : v);
                }
            }
            if (!inScope) {
                continue;
            }
            base[r >>> 6] |= 1L << r;
            for (int d = 0; d < dims.size(); d++) {
                for (int i = 0; i < masks[d].length; i++) {
                    if (refused[d] == null || !refused[d][i]) {
                        masks[d][i][r >>> 6] |= 1L << r;
                    }
                }
            }
        }
    }

    int words() {
        return words;
    }

    /** Writes into {@code into} the rows matching the combination of sample indices {@code odometer}. */
    void matching(int[] odometer, long[] into) {
        System.arraycopy(base, 0, into, 0, words);
        for (int d = 0; d < odometer.length; d++) {
            long[] m = masks[d][odometer[d]];
            for (int w = 0; w < words; w++) {
                into[w] &= m[w];
            }
        }
    }

    /** The rows of a mask, in table order. */
    List<Rule> rows(long[] mask) {
        List<Rule> out = new java.util.ArrayList<>(2);
        for (int w = 0; w < words; w++) {
            for (long bits = mask[w]; bits != 0; bits &= bits - 1) {
                out.add(rules.get((w << 6) + Long.numberOfTrailingZeros(bits)));
            }
        }
        return out;
    }

    static boolean isEmpty(long[] mask) {
        for (long w : mask) {
            if (w != 0) {
                return false;
            }
        }
        return true;
    }
}
