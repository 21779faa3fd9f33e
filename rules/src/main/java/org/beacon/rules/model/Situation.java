package org.beacon.rules.model;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts a decision is made on. Generic on purpose: indicators are named by the workbook's dictionary, so a new
 * indicator never needs a new class.
 *
 * @param eventType event type code (a value of the dictionary's {@code eventType}), e.g. {@code cholera}
 * @param region where it happens
 * @param asOf the date the situation describes
 * @param indicators indicator values by dictionary name: {@link Number}, {@link Boolean} or {@link String}
 * @param signals surveillance signals for multi-point warning tables; empty when there are none
 */
public record Situation(String eventType, Region region, LocalDate asOf, Map<String, Object> indicators,
        List<Signal> signals) {

    public Situation {
        indicators = indicators == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(indicators));
        signals = signals == null ? List.of() : Collections.unmodifiableList(new java.util.ArrayList<>(signals));
    }

    /** A situation without signals. */
    public Situation(String eventType, Region region, LocalDate asOf, Map<String, Object> indicators) {
        this(eventType, region, asOf, indicators, List.of());
    }
}
