package org.beacon.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beacon.rules.table.Dictionary;
import org.beacon.rules.table.Indicator;
import org.beacon.rules.table.IndicatorType;

/**
 * Checks a situation against the dictionary and turns its values into the canonical form rules use: numbers as
 * BigDecimal, enum values spelt as in the dictionary, booleans as {@code true}/{@code false}.
 */
final class SituationValues {

    private SituationValues() {
    }

    /** Canonical values by indicator name; problems are added to {@code problems}. */
    static Map<String, Object> of(Situation situation, Dictionary dictionary, List<SituationProblem> problems) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (situation.eventType() == null || situation.eventType().isBlank()) {
            problems.add(new SituationProblem("/eventType", "eventType is required"));
        } else {
            dictionary.find(Indicator.EVENT_TYPE).ifPresentOrElse(
                    ind -> put(values, ind, situation.eventType(), "/eventType", problems),
                    () -> values.put(Indicator.EVENT_TYPE, situation.eventType()));
        }
        if (situation.region() == null) {
            problems.add(new SituationProblem("/region", "region is required"));
        } else if (situation.region().level() != null) {
            dictionary.find(Indicator.ADMIN_LEVEL).ifPresent(ind ->
                    put(values, ind, situation.region().level().code(), "/region/level", problems));
        }
        for (Map.Entry<String, Object> e : situation.indicators().entrySet()) {
            String pointer = "/indicators/" + e.getKey();
            Indicator ind = dictionary.find(e.getKey()).orElse(null);
            if (ind == null || ind.name().equals(Indicator.EVENT_TYPE) || ind.name().equals(Indicator.ADMIN_LEVEL)) {
                problems.add(new SituationProblem(pointer, "unknown indicator '" + e.getKey() + "'"
                        + suggestions(dictionary, e.getKey())));
                continue;
            }
            if (e.getValue() != null) {
                put(values, ind, e.getValue(), pointer, problems);
            }
        }
        return values;
    }

    private static String suggestions(Dictionary dictionary, String name) {
        List<String> close = dictionary.closeNames(name);
        List<String> all = new ArrayList<>();
        dictionary.indicators().stream().map(Indicator::name)
                .filter(n -> !n.equals(Indicator.EVENT_TYPE) && !n.equals(Indicator.ADMIN_LEVEL)).forEach(all::add);
        return Dictionary.didYouMean(close)
                + "; valid indicators: " + String.join(", ", all);
    }

    private static void put(Map<String, Object> values, Indicator ind, Object raw, String pointer,
            List<SituationProblem> problems) {
        Object v = canonical(ind, raw, pointer, problems);
        if (v != null) {
            values.put(ind.name(), v);
        }
    }

    private static Object canonical(Indicator ind, Object raw, String pointer, List<SituationProblem> problems) {
        if (ind.type().isNumeric()) {
            BigDecimal n = number(raw);
            if (n == null) {
                problems.add(new SituationProblem(pointer, ind.name() + " must be a" + (ind.type()
                        == IndicatorType.INTEGER ? "n integer" : " number") + ", not " + describe(raw)));
                return null;
            }
            if (ind.type() == IndicatorType.INTEGER && n.stripTrailingZeros().scale() > 0) {
                problems.add(new SituationProblem(pointer, ind.name() + " must be a whole number, not "
                        + n.toPlainString()));
                return null;
            }
            if (!ind.inRange(n)) {
                problems.add(new SituationProblem(pointer, n.toPlainString() + " is outside the range of "
                        + ind.name() + " " + ind.rangeText()));
                return null;
            }
            return n;
        }
        switch (ind.type()) {
            case BOOLEAN -> {
                if (raw instanceof Boolean b) {
                    return b.toString();
                }
                problems.add(new SituationProblem(pointer, ind.name() + " must be true or false, not "
                        + describe(raw)));
                return null;
            }
            case ENUM -> {
                if (raw instanceof String s) {
                    for (String v : ind.values()) {
                        if (v.equalsIgnoreCase(s.trim())) {
                            return v;
                        }
                    }
                }
                problems.add(new SituationProblem(pointer, describe(raw) + " is not a value of " + ind.name()
                        + "; valid values: " + String.join(", ", ind.values())));
                return null;
            }
            default -> {
                if (raw instanceof String s) {
                    return s;
                }
                problems.add(new SituationProblem(pointer, ind.name() + " must be text, not " + describe(raw)));
                return null;
            }
        }
    }

    private static BigDecimal number(Object raw) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
            return BigDecimal.valueOf(((Number) raw).longValue());
        }
        if (raw instanceof BigDecimal b) {
            return b;
        }
        if (raw instanceof java.math.BigInteger b) {
            return new BigDecimal(b);
        }
        if ((raw instanceof Double || raw instanceof Float) && Double.isFinite(((Number) raw).doubleValue())) {
            return BigDecimal.valueOf(((Number) raw).doubleValue());
        }
        return null;
    }

    private static String describe(Object raw) {
        return raw instanceof String s ? "'" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'"
                : String.valueOf(raw);
    }
}
