package org.beacon.rules.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a condition cell means, as a typed value. Rules are generated from these, never from cell text.
 */
public sealed interface Criterion {

    /** Canonical text for explanations, rendered from the typed value. */
    String describe();

    /** Whether {@code value} (a BigDecimal for numbers, a String for symbols) passes. */
    boolean accepts(Object value);

    /** No condition: every value, including a missing one, passes. */
    record Any() implements Criterion {
        @Override
        public String describe() {
            return "any";
        }

        @Override
        public boolean accepts(Object value) {
            return true;
        }
    }

    /**
     * The situation does not give the value ({@code missing}, {@code 缺失}): a missing value is one more state a row
     * can test, e.g. "no hospital figures".
     */
    record Missing() implements Criterion {
        @Override
        public String describe() {
            return "missing";
        }

        @Override
        public boolean accepts(Object value) {
            return value == null;
        }
    }

    /** The situation gives a value, whichever ({@code given}, {@code 已给出}). */
    record Given() implements Criterion {
        @Override
        public String describe() {
            return "given";
        }

        @Override
        public boolean accepts(Object value) {
            return value != null;
        }
    }

    /** A number inside (or, when negated, outside) an interval. */
    record Numeric(Interval interval, boolean negated) implements Criterion {
        @Override
        public String describe() {
            if (negated && interval.isPoint()) {
                return "≠ " + interval.low().toPlainString();
            }
            return negated ? "not " + interval : interval.toString();
        }

        @Override
        public boolean accepts(Object value) {
            return value instanceof BigDecimal n && interval.contains(n) != negated;
        }
    }

    /** A symbol (enum value, text, {@code true}/{@code false}) in (or, when negated, not in) a list. */
    record Symbols(List<String> values, boolean negated) implements Criterion {
        public Symbols {
            values = List.copyOf(values);
        }

        @Override
        public String describe() {
            String list = String.join(", ", values);
            if (values.size() == 1) {
                return (negated ? "≠ " : "= ") + list;
            }
            return (negated ? "not in " : "in ") + list;
        }

        @Override
        public boolean accepts(Object value) {
            return value instanceof String s && values.contains(s) != negated;
        }
    }
}
