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
 * @param ordered true for an enum whose values are written least serious first ({@code Low < Medium < High}), so a
 *     table can keep the most serious of them (hit policy {@code highest <name>})
 * @param decimals the most decimals a value of a decimal indicator may have, or null when the Dictionary does not
 *     say: a value with more is refused, never rounded
 */
public record Indicator(int index, String name, IndicatorType type, List<String> values, String unit,
        BigDecimal min, BigDecimal max, String descriptionZh, String descriptionEn, String location, String workbook,
        boolean ordered, Integer decimals) {

    public static final String EVENT_TYPE = "eventType";
    public static final String ADMIN_LEVEL = "adminLevel";

    public Indicator {
        values = List.copyOf(values);
    }

    /** An unordered indicator without a declared precision. */
    public Indicator(int index, String name, IndicatorType type, List<String> values, String unit, BigDecimal min,
            BigDecimal max, String descriptionZh, String descriptionEn, String location, String workbook) {
        this(index, name, type, values, unit, min, max, descriptionZh, descriptionEn, location, workbook, false, null);
    }

    /**
     * How serious {@code value} is among the values of an ordered enum: 0 for the least serious, -1 for a value it
     * does not list (or null), which ranks below all.
     */
    public int rank(String value) {
        return value == null ? -1 : values.indexOf(value);
    }

    /** {@code Low < Medium < High}, or the values separated by commas when they are not ordered. */
    public String valuesText() {
        return String.join(ordered ? " < " : ", ", values);
    }

    /** True when {@code n} has no more decimals than the Dictionary allows (always, when it does not say). */
    public boolean withinPrecision(BigDecimal n) {
        return decimals == null || Math.max(0, n.stripTrailingZeros().scale()) <= decimals;
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
