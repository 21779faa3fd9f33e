package org.beacon.rules.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
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
            for (Rule below : table.rules()) {
                Condition low = numeric(below, ind);
                if (low == null || interval(low).high() == null) {
                    continue;
                }
                for (Rule above : table.rules()) {
                    Condition high = numeric(above, ind);
                    if (high != null && above != below && interval(high).low() != null
                            && sameOtherConditions(below, above, ind)) {
                        check(table, ind, below, low, high, findings);
                    }
                }
            }
        }
    }

    private static void check(DecisionTable table, Indicator ind, Rule below, Condition low, Condition high,
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
        for (Rule other : table.rules()) {
            if (sameOtherConditions(below, other, ind) && other.conditions().stream()
                    .filter(x -> x.indicator().equals(ind)).allMatch(x -> x.accepts(example))) {
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

    private static boolean sameOtherConditions(Rule a, Rule b, Indicator ind) {
        return others(a, ind).equals(others(b, ind));
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
