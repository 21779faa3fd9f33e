package org.beacon.rules.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.beacon.rules.model.Grade;

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
 * @param workbook the workbook of that row
 */
public record Indicator(int index, String name, IndicatorType type, List<String> values, String unit,
        BigDecimal min, BigDecimal max, String descriptionZh, String descriptionEn, String location, String workbook) {

    public static final String EVENT_TYPE = "eventType";
    public static final String ADMIN_LEVEL = "adminLevel";

    public Indicator {
        values = List.copyOf(values);
    }

    /**
     * The enum value {@code text} names, spelt as declared: case aside, and for {@code responseGrade} in any form a
     * grade may take ({@code Ⅱ}, {@code 2}, {@code 重大}).
     */
    public Optional<String> enumValue(String text) {
        String t = text.trim();
        for (String v : values) {
            if (v.equalsIgnoreCase(t)) {
                return Optional.of(v);
            }
        }
        if (name.equals(FilledIndicators.RESPONSE_GRADE)) {
            Optional<Grade> grade = Grade.parse(t);
            if (grade.isPresent()) {
                return values.stream().filter(v -> Grade.parse(v).equals(grade)).findFirst();
            }
        }
        return Optional.empty();
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
