package org.beacon.rules.model;

import java.math.BigDecimal;

/**
 * A set of numbers between two ends; a null end is unbounded.
 *
 * @param low lower end, null for -∞
 * @param lowInclusive whether {@code low} itself belongs
 * @param high upper end, null for +∞
 * @param highInclusive whether {@code high} itself belongs
 */
public record Interval(BigDecimal low, boolean lowInclusive, BigDecimal high, boolean highInclusive) {

    public static Interval point(BigDecimal n) {
        return new Interval(n, true, n, true);
    }

    public boolean contains(BigDecimal n) {
        if (low != null) {
            int c = n.compareTo(low);
            if (c < 0 || (c == 0 && !lowInclusive)) {
                return false;
            }
        }
        if (high != null) {
            int c = n.compareTo(high);
            return c < 0 || (c == 0 && highInclusive);
        }
        return true;
    }

    /** True when no number, or no integer if {@code integers}, lies inside. */
    public boolean isEmpty(boolean integers) {
        if (low == null || high == null) {
            return false;
        }
        if (integers) {
            BigDecimal lo = low.setScale(0, java.math.RoundingMode.CEILING);
            if (!lowInclusive && lo.compareTo(low) == 0) {
                lo = lo.add(BigDecimal.ONE);
            }
            BigDecimal hi = high.setScale(0, java.math.RoundingMode.FLOOR);
            if (!highInclusive && hi.compareTo(high) == 0) {
                hi = hi.subtract(BigDecimal.ONE);
            }
            return lo.compareTo(hi) > 0;
        }
        int c = low.compareTo(high);
        return c > 0 || (c == 0 && !(lowInclusive && highInclusive));
    }

    public boolean isPoint() {
        return low != null && high != null && lowInclusive && highInclusive && low.compareTo(high) == 0;
    }

    /** Canonical text: {@code = 5}, {@code ≥ 30}, {@code < 10}, {@code [10, 29]}. */
    @Override
    public String toString() {
        if (isPoint()) {
            return "= " + low.toPlainString();
        }
        if (low == null && high == null) {
            return "any";
        }
        if (high == null) {
            return (lowInclusive ? "≥ " : "> ") + low.toPlainString();
        }
        if (low == null) {
            return (highInclusive ? "≤ " : "< ") + high.toPlainString();
        }
        return (lowInclusive ? "[" : "(") + low.toPlainString() + ", " + high.toPlainString()
                + (highInclusive ? "]" : ")");
    }
}
