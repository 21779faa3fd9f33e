package org.beacon.rules.model;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.beacon.rules.model.AreaRisk;
import org.beacon.rules.model.RiskLevel;

/**
 * Outputs whose values Beacon understands, so the decision can rank and combine them: a cell of such a column must
 * hold one of the known values, and is kept in one canonical spelling (so tests compare like with like).
 */
public final class TypedOutputs {

    public static final String RISK_LEVEL = "riskLevel";
    public static final String AREA_RISK = "areaRisk";
    public static final String REPORT_WITHIN = "reportWithin";
    public static final String TERMINATION = "termination";
    /** A change of the current response level a replay keeps: {@code 降一级} lowers it one level. */
    public static final String LEVEL_CHANGE = "levelChange";
    public static final String LOWER = "降一级";
    public static final String MAY_END = "可终止";
    public static final String CONTINUE = "继续";

    private static final Pattern HOURS = Pattern.compile("(\\d{1,4})\\s*(?:h|hours?|小时|小时内|h内)");

    private TypedOutputs() {
    }

    /**
     * The canonical form of {@code text} for output {@code name}: the value itself for free-text outputs, empty when
     * a typed output's cell holds no valid value.
     */
    public static Optional<String> canonical(String name, String text) {
        String t = text.trim();
        return switch (name) {
            case RISK_LEVEL -> RiskLevel.parse(t).map(RiskLevel::chineseName);
            case AREA_RISK -> AreaRisk.parse(t).map(AreaRisk::chineseName);
            case REPORT_WITHIN -> hours(t).map(h -> h + "小时");
            case TERMINATION -> switch (t.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "")) {
                case MAY_END, "mayend", "end", "终止" -> Optional.of(MAY_END);
                case CONTINUE, "continue" -> Optional.of(CONTINUE);
                default -> Optional.empty();
            };
            case LEVEL_CHANGE -> switch (t.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "")) {
                case LOWER, "lower", "down", "降级" -> Optional.of(LOWER);
                default -> Optional.empty();
            };
            default -> Optional.of(t);
        };
    }

    /** True for the outputs whose values Beacon knows itself (riskLevel, areaRisk, reportWithin …). */
    public static boolean isTyped(String name) {
        return switch (name) {
            case RISK_LEVEL, AREA_RISK, REPORT_WITHIN, TERMINATION, LEVEL_CHANGE -> true;
            default -> false;
        };
    }

    /** What a cell of typed output {@code name} may hold, for error messages. */
    public static Message expected(String name) {
        return Message.word("expected." + switch (name) {
            case RISK_LEVEL, AREA_RISK, REPORT_WITHIN, TERMINATION, LEVEL_CHANGE -> name;
            default -> "text";
        });
    }

    /**
     * The one value the decision keeps when several rows give output {@code name}: the highest risk level or
     * risk-map colour, the shortest time limit, 继续 over 可终止 (a row may veto the end). Free-text outputs keep
     * every value.
     */
    public static Set<String> kept(String name, Set<String> values) {
        if (values.size() < 2 || !KEPT_ONE.contains(name)) {
            return values;
        }
        return Set.of(values.stream().reduce((a, b) -> keep(name, a, b)).orElseThrow());
    }

    /**
     * Of two values of typed output {@code name}, the one the decision keeps ({@code current} on a tie; either may be
     * null). The one rule behind a decision's risk level, risk-map colour, time limit and termination.
     */
    public static String keep(String name, String current, String candidate) {
        if (current == null || candidate == null) {
            return current == null ? candidate : current;
        }
        return precedence(name).compare(candidate, current) > 0 ? candidate : current;
    }

    private static final Set<String> KEPT_ONE = Set.of(RISK_LEVEL, AREA_RISK, REPORT_WITHIN, TERMINATION);

    private static Comparator<String> precedence(String name) {
        return switch (name) {
            case RISK_LEVEL -> Comparator.comparing((String v) -> RiskLevel.parse(v).orElseThrow(),
                    (a, b) -> a.isMoreSeriousThan(b) ? 1 : b.isMoreSeriousThan(a) ? -1 : 0);
            case AREA_RISK -> Comparator.comparing((String v) -> AreaRisk.parse(v).orElseThrow(),
                    (a, b) -> a.isMoreSeriousThan(b) ? 1 : b.isMoreSeriousThan(a) ? -1 : 0);
            case REPORT_WITHIN -> Comparator.comparing((String v) -> -hours(v).orElseThrow());
            case TERMINATION -> Comparator.comparing(CONTINUE::equals);
            default -> throw new IllegalArgumentException(name + " is not an output the decision keeps one of");
        };
    }

    /** Hours of a {@code reportWithin} value such as {@code 2小时} or {@code 24h}. */
    public static Optional<Integer> hours(String text) {
        Matcher m = HOURS.matcher(text.trim().toLowerCase(Locale.ROOT));
        return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }
}
