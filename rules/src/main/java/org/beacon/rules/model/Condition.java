package org.beacon.rules.model;

/**
 * One condition of a rule: an indicator and the criterion its value must meet.
 *
 * @param indicator the indicator tested
 * @param criterion what the cell means
 * @param cell where the cell is, e.g. {@code Cholera!C9}
 * @param written the cell as the expert wrote it (normalised), e.g. {@code ≥ {foodPoisoning_III_minCases}}; shown
 *     in explanations, never used to build rules
 */
public record Condition(Indicator indicator, Criterion criterion, String cell, String written) {

    public boolean isAny() {
        return criterion instanceof Criterion.Any;
    }

    /** A missing value fails every condition except "any" and "missing". */
    public boolean accepts(Object value) {
        return isAny() || (value == null ? criterion instanceof Criterion.Missing : criterion.accepts(value));
    }

    /** True when a situation without the value can pass: "any" or "missing". */
    public boolean acceptsMissing() {
        return accepts(null);
    }
}
