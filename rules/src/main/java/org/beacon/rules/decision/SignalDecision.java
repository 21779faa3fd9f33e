package org.beacon.rules.decision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beacon.rules.model.WarningColour;

/**
 * What one surveillance signal showed.
 *
 * @param source its source
 * @param lastDay the day its statistics describe
 * @param statistics the statistics its history allowed (signalValue7d, earsC1 …); one missing needed more history
 * @param colour the most serious warning colour the {@code For each: signal} tables gave it, or null for none
 * @param rows the rows that answered for it
 */
public record SignalDecision(String source, LocalDate lastDay, Map<String, BigDecimal> statistics,
        WarningColour colour, List<String> rows) {

    public SignalDecision {
        statistics = Collections.unmodifiableMap(new LinkedHashMap<>(statistics));
        rows = List.copyOf(rows);
    }
}
