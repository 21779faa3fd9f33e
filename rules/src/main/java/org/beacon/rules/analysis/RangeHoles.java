package org.beacon.rules.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.beacon.rules.model.Condition;
import org.beacon.rules.model.Criterion;
import org.beacon.rules.model.DecisionTable;
import org.beacon.rules.model.Findings;
import org.beacon.rules.model.Indicator;
import org.beacon.rules.model.IndicatorType;
import org.beacon.rules.model.Interval;
import org.beacon.rules.model.Message;
import org.beacon.rules.model.Rule;

/**
 * Finds the ranges of a decimal indicator that stop just short of the next row's: {@code 10～19.9} then {@code ≥20}
 * leaves 19.95 to no row, because Beacon does not round. Written the way integers are ({@code 10～29}, then 30), such
 * a bound is a slip, not a choice, so it is an error naming both cells and the half-open form to write instead. Two
 * rows count as neighbours when all their other conditions are the same and the hole between them (no wider than
 * one step of the decimals the bounds are written with) holds a value of the indicator's declared precision that no
 * other such row matches. Stateless.
 */
final class RangeHoles {

    private RangeHoles() {
    }

    static void report(DecisionTable table, Findings findings) {
        for (Indicator ind : table.inputs()) {
            if (ind.type() != IndicatorType.DECIMAL) {
                continue;
            }
            // rows are neighbours only with the same other conditions: comparing each group's rows by their bounds
            // instead of every pair of rows keeps a table of 10,000 rows from taking minutes
            Map<List<String>, Group> groups = new HashMap<>();
            List<Group> groupOf = new ArrayList<>();
            for (Rule r : table.rules()) {
                Group g = groups.computeIfAbsent(others(r, ind), k -> new Group());
                g.add(groupOf.size(), r, numeric(r, ind));
                groupOf.add(g);
            }
            for (int i = 0; i < table.rules().size(); i++) {
                Rule below = table.rules().get(i);
                Condition low = numeric(below, ind);
                if (low == null || interval(low).high() == null) {
                    continue;
                }
                Group group = groupOf.get(i);
                for (int j : group.startingNear(interval(low).high())) {
                    Rule above = table.rules().get(j);
                    if (above != below) {
                        check(ind, below, low, numeric(above, ind), group.rows, findings);
                    }
                }
            }
        }
    }

    /** Rows with the same conditions on the other inputs, in table order, and their lower bounds on this one. */
    private static final class Group {
        private final List<Rule> rows = new ArrayList<>();
        private final TreeMap<BigDecimal, List<Integer>> byLow = new TreeMap<>();

        void add(int index, Rule r, Condition c) {
            rows.add(r);
            if (c != null && interval(c).low() != null) {
                byLow.computeIfAbsent(interval(c).low(), k -> new ArrayList<>()).add(index);
            }
        }

        /**
         * The rows (table indices, in table order) whose lower bound lies within one unit above {@code high}: a
         * hole wider than one step of the written decimals (at most one unit) is never a slip ({@link #check}).
         */
        List<Integer> startingNear(BigDecimal high) {
            List<Integer> out = new ArrayList<>();
            byLow.subMap(high, true, high.add(BigDecimal.ONE), true).values().forEach(out::addAll);
            out.sort(null);
            return out;
        }
    }

    private static void check(Indicator ind, Rule below, Condition low, Condition high, List<Rule> sameOthers,
            Findings findings) {
        Interval a = interval(low);
        Interval b = interval(high);
        int c = a.high().compareTo(b.low());
        if (c > 0 || c == 0 && (a.highInclusive() || b.lowInclusive())) {
            return; // they meet or overlap
        }
        int written = Math.max(0, Math.max(a.high().stripTrailingZeros().scale(), b.low().stripTrailingZeros().scale()));
        if (b.low().subtract(a.high()).compareTo(BigDecimal.ONE.movePointLeft(written)) > 0) {
            return; // a wider gap is a choice the gap analysis reports, not a slip of the pen
        }
        BigDecimal example = firstValueAbove(a, ind.decimals());
        int e = example.compareTo(b.low());
        if (e > 0 || e == 0 && b.lowInclusive()) {
            return; // no value of the declared precision falls between
        }
        for (Rule other : sameOthers) {
            if (other.conditions().stream().filter(x -> x.indicator().equals(ind)).allMatch(x -> x.accepts(example))) {
                return; // a third row covers it
            }
        }
        Interval fixed = new Interval(a.low(), a.lowInclusive(), b.low(), !b.lowInclusive());
        findings.error(low.cell(), Message.of("RANGE_HOLE", ind.name(), example.toPlainString(), low.cell(),
                low.written(), high.cell(), high.written(), fixed.toString()));
    }

    /**
     * The smallest value above the interval's upper end with at most {@code decimals} decimals (any, when null):
     * the end itself when it is excluded and has that precision.
     */
    private static BigDecimal firstValueAbove(Interval a, Integer decimals) {
        BigDecimal h = a.high();
        int scale = decimals != null ? decimals : Math.max(0, h.stripTrailingZeros().scale()) + 1;
        boolean onGrid = Math.max(0, h.stripTrailingZeros().scale()) <= scale;
        if (!a.highInclusive() && onGrid) {
            return h;
        }
        BigDecimal next = h.setScale(scale, RoundingMode.FLOOR).add(BigDecimal.ONE.movePointLeft(scale));
        return next.stripTrailingZeros().scale() < 0 ? next.setScale(0) : next.stripTrailingZeros();
    }

    private static Condition numeric(Rule r, Indicator ind) {
        for (Condition c : r.conditions()) {
            if (c.indicator().equals(ind) && c.criterion() instanceof Criterion.Numeric n && !n.negated()) {
                return c;
            }
        }
        return null;
    }

    private static Interval interval(Condition c) {
        return ((Criterion.Numeric) c.criterion()).interval();
    }

    private static List<String> others(Rule r, Indicator ind) {
        List<String> out = new ArrayList<>();
        for (Condition c : r.conditions()) {
            if (!c.indicator().equals(ind)) {
                out.add(c.indicator().name() + " " + c.criterion().describe());
            }
        }
        return out;
    }
}
