package org.beacon.rules.table;

import java.math.BigDecimal;
import java.util.List;

/**
 * One dictionary entry.
 *
 * @param index position in the dictionary, used by generated rules instead of the name
 * @param name the name tables and situations use
 * @param type its type
 * @param values allowed values of an enum (empty otherwise)
 * @param unit unit, free text
 * @param min smallest allowed number, inclusive; null for none
 * @param max largest allowed number, inclusive; null for none
 * @param descriptionZh description in Chinese
 * @param descriptionEn description in English
 * @param location the dictionary row that declares it
 */
public record Indicator(int index, String name, IndicatorType type, List<String> values, String unit,
        BigDecimal min, BigDecimal max, String descriptionZh, String descriptionEn, String location) {

    public static final String EVENT_TYPE = "eventType";
    public static final String ADMIN_LEVEL = "adminLevel";

    public Indicator {
        values = List.copyOf(values);
    }

    /** True when {@code n} lies within Min–Max. */
    public boolean inRange(BigDecimal n) {
        return (min == null || n.compareTo(min) >= 0) && (max == null || n.compareTo(max) <= 0);
    }

    public String rangeText() {
        return "[" + (min == null ? "-∞" : min.toPlainString()) + ", " + (max == null ? "∞" : max.toPlainString())
                + "]";
    }
}
