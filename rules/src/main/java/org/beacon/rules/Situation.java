package org.beacon.rules;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The facts a decision is made on. Generic on purpose: indicators are named by the workbook's dictionary, so a new
 * indicator never needs a new class.
 *
 * @param eventType event type code (a value of the dictionary's {@code eventType}), e.g. {@code cholera}
 * @param region where it happens
 * @param asOf the date the situation describes
 * @param indicators indicator values by dictionary name: {@link Number}, {@link Boolean} or {@link String}
 */
public record Situation(String eventType, Region region, LocalDate asOf, Map<String, Object> indicators) {

    public Situation {
        indicators = indicators == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(indicators));
    }
}
