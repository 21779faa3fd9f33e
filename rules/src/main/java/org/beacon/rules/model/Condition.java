package org.beacon.rules.model;

/**
 * One condition of a rule: an indicator and the test its value must pass.
 *
 * @param indicator the indicator tested
 * @param test what the cell means
 * @param cell where the cell is, e.g. {@code Cholera!C9}
 * @param written the cell as the expert wrote it (normalised), e.g. {@code ≥ {foodPoisoning_III_minCases}}; shown
 *     in explanations, never used to build rules
 */
public record Condition(Indicator indicator, Criterion test, String cell, String written) {

    public boolean isAny() {
        return test instanceof Criterion.Any;
    }

    /** A missing value fails every condition except "any". */
    public boolean accepts(Object value) {
        return isAny() || (value != null && test.accepts(value));
    }
}
