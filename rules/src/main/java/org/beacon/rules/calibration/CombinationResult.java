package org.beacon.rules.calibration;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One combination of parameter values and what its replay gave.
 *
 * @param index the combination's place in the grid (0 for today's values outside a grid)
 * @param parameters the values tried, by name
 * @param fit the comparison with history; null when the tables did not compile with these values
 * @param failedTests the test-sheet rows these values would fail ({@code escalation.xlsx Tests!R6})
 * @param problem why the combination could not be replayed (the first compile error), or null
 * @param score the objective's score, lower is better; {@link Double#POSITIVE_INFINITY} with a problem
 */
public record CombinationResult(int index, Map<String, BigDecimal> parameters, HistoryFit fit,
        List<String> failedTests, String problem, double score) {

    public CombinationResult {
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        failedTests = List.copyOf(failedTests);
    }
}
