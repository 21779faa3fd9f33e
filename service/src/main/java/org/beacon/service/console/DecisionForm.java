package org.beacon.service.console;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beacon.rules.model.Dictionary;
import org.beacon.rules.model.Indicator;
import org.beacon.rules.model.IndicatorType;
import org.beacon.rules.model.FilledIndicators;
import org.beacon.service.evaluation.EvaluationRequest;
import org.beacon.service.evaluation.EvaluationResponse;
import org.beacon.service.web.InvalidRequestException.FieldError;

/**
 * The "try a decision" form of one version, generated from its Dictionary: the situation's own fields (event type,
 * region, date) and one input per indicator a situation may give, grouped by the workbook that declares it. It
 * carries the values entered and the errors the API's validation found, each at its field. Indicators Beacon derives
 * from signals are left out (signals are sent in the JSON box). Immutable.
 *
 * @param situation event type, region code, name and level, date
 * @param groups the indicators, by the workbook that declares them, in dictionary order
 * @param unplaced errors that belong to no field of the form (a field of another version, the signals …)
 */
record DecisionForm(List<Field> situation, List<Group> groups, List<FieldError> unplaced) {

    static final String EVENT_TYPE = "eventType";
    static final String REGION_CODE = "region.code";
    static final String REGION_NAME = "region.name";
    static final String REGION_LEVEL = "region.level";
    static final String AS_OF = "asOf";
    /** Form parameters of indicators: {@code i.cases}. */
    static final String INDICATOR = "i.";
    /** A longer number is not a number anyone types; it is passed on as text and refused as such. */
    private static final int MAX_NUMBER_LENGTH = 100;

    /** How a field is entered. */
    enum Kind {
        INTEGER, DECIMAL, BOOLEAN, CHOICE, TEXT, DATE;

        /** The HTML input type of the kinds entered in an {@code <input>}. */
        public String inputType() {
            return switch (this) {
                case INTEGER, DECIMAL -> "number";
                case DATE -> "date";
                default -> "text";
            };
        }

        public boolean select() {
            return this == BOOLEAN || this == CHOICE;
        }
    }

    /**
     * One input.
     *
     * @param param the form parameter
     * @param name the name the API and the tables use ({@code cases}), or the situation's field ({@code asOf})
     * @param options the values of a choice
     * @param min smallest allowed number, or null
     * @param max largest allowed number, or null
     * @param descriptionZh what it is, from the Dictionary; null for the situation's own fields
     * @param value the value entered, "" for none
     * @param error what the validation said about it, or null
     */
    record Field(String param, String name, Kind kind, List<String> options, String unit, BigDecimal min,
            BigDecimal max, String descriptionZh, String descriptionEn, String value, String error) {

        /** The HTML id of its input. */
        public String id() {
            return "f-" + param.replace('.', '-');
        }

        /** The description in the page's language (the other when it has only one). */
        public String description(String language) {
            String zh = descriptionZh == null || descriptionZh.isBlank() ? null : descriptionZh;
            String en = descriptionEn == null || descriptionEn.isBlank() ? null : descriptionEn;
            return "zh".equals(language) ? (zh != null ? zh : en) : (en != null ? en : zh);
        }

        /** The step of a number input: 1 for integers, any for decimals. */
        public String step() {
            return kind == Kind.INTEGER ? "1" : "any";
        }

        /**
         * Its range and unit as the form shows them under the input: {@code 0–1,000,000 例}, {@code ≥ 0},
         * {@code 天}; empty when it has neither.
         */
        public String rangeAndUnit() {
            String range = min != null && max != null ? plain(min) + "–" + plain(max)
                    : min != null ? "≥ " + plain(min) : max != null ? "≤ " + plain(max) : "";
            String u = unit == null ? "" : unit.strip();
            return range.isEmpty() ? u : u.isEmpty() ? range : range + " " + u;
        }

        /** A bound as people read it: whole numbers grouped by thousands, others as written. */
        private static String plain(BigDecimal n) {
            BigDecimal whole = n.stripTrailingZeros();
            return whole.scale() <= 0 && whole.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0
                    ? String.format(java.util.Locale.ROOT, "%,d", whole.longValueExact()) : n.toPlainString();
        }

        public String minText() {
            return min == null ? null : min.toPlainString();
        }

        public String maxText() {
            return max == null ? null : max.toPlainString();
        }

        Field with(String newValue, String newError) {
            return new Field(param, name, kind, options, unit, min, max, descriptionZh, descriptionEn, newValue,
                    newError);
        }
    }

    /** The indicators one workbook declares; {@code filled} counts those with a value. */
    record Group(String workbook, List<Field> fields) {

        public long filled() {
            return fields.stream().filter(f -> !f.value().isEmpty()).count();
        }
    }

    /** The empty form of a dictionary. */
    static DecisionForm of(Dictionary dictionary) {
        return of(dictionary, Map.of(), List.of());
    }

    /**
     * The form of a dictionary with values (by form parameter) and the API's errors, each placed at its field.
     */
    static DecisionForm of(Dictionary dictionary, Map<String, String> values, List<FieldError> errors) {
        Map<String, String> byParam = new LinkedHashMap<>();
        List<FieldError> unplaced = new ArrayList<>();
        for (FieldError e : errors) {
            String param = param(e.pointer());
            if (param == null) {
                unplaced.add(e);
            } else {
                byParam.merge(param, e.detail(), (a, b) -> a + "; " + b);
            }
        }
        List<String> eventTypes = dictionary.find(Indicator.EVENT_TYPE).map(Indicator::values).orElse(List.of());
        List<Field> situation = new ArrayList<>();
        situation.add(field(EVENT_TYPE, EVENT_TYPE, eventTypes.isEmpty() ? Kind.TEXT : Kind.CHOICE, eventTypes,
                values, byParam));
        situation.add(field(REGION_CODE, "region.code", Kind.TEXT, List.of(), values, byParam));
        situation.add(field(REGION_NAME, "region.name", Kind.TEXT, List.of(), values, byParam));
        situation.add(field(REGION_LEVEL, "region.level", Kind.CHOICE, dictionary.regionLevels(), values,
                byParam));
        situation.add(field(AS_OF, AS_OF, Kind.DATE, List.of(), values, byParam));
        Map<String, List<Field>> groups = new LinkedHashMap<>();
        for (Indicator i : dictionary.indicators()) {
            if (!asked(i)) {
                continue;
            }
            String param = INDICATOR + i.name();
            Field f = new Field(param, i.name(), kind(i.type()), i.values(), i.unit(), i.min(), i.max(),
                    i.descriptionZh(), i.descriptionEn(), values.getOrDefault(param, ""), byParam.remove(param));
            groups.computeIfAbsent(i.workbook() == null ? "" : i.workbook(), w -> new ArrayList<>()).add(f);
        }
        // an error at a field this version's form has not (an indicator of another version) is still shown
        byParam.forEach((param, detail) -> unplaced.add(new FieldError(pointer(param), detail)));
        return new DecisionForm(situation, groups.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue()))
                .toList(), unplaced);
    }

    private static Field field(String param, String name, Kind kind, List<String> options,
            Map<String, String> values, Map<String, String> errors) {
        return new Field(param, name, kind, options, null, null, null, null, null, values.getOrDefault(param, ""),
                errors.remove(param));
    }

    /** An indicator the situation gives: not the event type or level (fields of their own), nor a derived one. */
    private static boolean asked(Indicator i) {
        if (i.name().equals(Indicator.EVENT_TYPE) || i.name().equals(Indicator.ADMIN_LEVEL)) {
            return false;
        }
        FilledIndicators.Role role = FilledIndicators.role(i.name());
        return role == FilledIndicators.Role.SITUATION || role == FilledIndicators.Role.RESPONSE_GRADE;
    }

    private static Kind kind(IndicatorType type) {
        return switch (type) {
            case INTEGER -> Kind.INTEGER;
            case DECIMAL -> Kind.DECIMAL;
            case BOOLEAN -> Kind.BOOLEAN;
            case ENUM -> Kind.CHOICE;
            case TEXT -> Kind.TEXT;
        };
    }

    /** True when every field is empty. */
    boolean blank() {
        return situation.stream().allMatch(f -> f.value().isEmpty()) && groups.stream().allMatch(g -> g.filled() == 0);
    }

    /** How many errors the form shows, at its fields and above them. */
    public int errorCount() {
        return (int) (situation.stream().filter(f -> f.error() != null).count() + groups.stream()
                .flatMap(g -> g.fields().stream()).filter(f -> f.error() != null).count() + unplaced.size());
    }

    /**
     * The situation the form describes, as the API would receive it: numbers that read as numbers become numbers,
     * yes/no become true/false, and anything else is passed on as typed, for the API's validation to name.
     *
     * @param dictionary the dictionary the form was made from, for each indicator's type
     * @param errors where a date that is not one is added (the API refuses it before validating)
     * @param notADate what to say of such a date, in the page's language
     */
    static EvaluationRequest request(Map<String, String> values, Dictionary dictionary, List<FieldError> errors,
            String notADate) {
        String code = values.getOrDefault(REGION_CODE, "");
        String name = values.getOrDefault(REGION_NAME, "");
        String level = values.getOrDefault(REGION_LEVEL, "");
        EvaluationRequest.RegionRequest region = code.isEmpty() && name.isEmpty() && level.isEmpty() ? null
                : new EvaluationRequest.RegionRequest(emptyToNull(code), emptyToNull(name), emptyToNull(level));
        LocalDate asOf = null;
        String date = values.getOrDefault(AS_OF, "");
        if (!date.isEmpty()) {
            try {
                asOf = date.length() == 10 ? LocalDate.parse(date) : null;
            } catch (DateTimeParseException e) {
                asOf = null;
            }
            if (asOf == null) {
                errors.add(new FieldError("/asOf", notADate));
            }
        }
        Map<String, Object> indicators = new LinkedHashMap<>();
        values.forEach((param, text) -> {
            if (param.startsWith(INDICATOR) && !text.isEmpty()) {
                String indicator = param.substring(INDICATOR.length());
                IndicatorType type = dictionary.find(indicator).map(Indicator::type).orElse(IndicatorType.TEXT);
                indicators.put(indicator, typed(text, type));
            }
        });
        return new EvaluationRequest(emptyToNull(values.getOrDefault(EVENT_TYPE, "")), region, asOf, indicators);
    }

    private static Object typed(String text, IndicatorType type) {
        if (type.isNumeric() && text.length() <= MAX_NUMBER_LENGTH) {
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                return text;
            }
        }
        if (type == IndicatorType.BOOLEAN && (text.equals("true") || text.equals("false"))) {
            return Boolean.valueOf(text);
        }
        return text;
    }

    /** The form's values of a decided situation, to try it again changed. */
    static Map<String, String> values(EvaluationResponse.SituationView s) {
        Map<String, String> values = new LinkedHashMap<>();
        put(values, EVENT_TYPE, s.eventType());
        if (s.region() != null) {
            put(values, REGION_CODE, s.region().code());
            put(values, REGION_NAME, s.region().name());
            put(values, REGION_LEVEL, s.region().level());
        }
        put(values, AS_OF, s.asOf() == null ? null : s.asOf().toString());
        if (s.indicators() != null) {
            s.indicators().forEach((name, value) -> put(values, INDICATOR + name, text(value)));
        }
        return values;
    }

    /** The form's values of a request (a bundled example). */
    static Map<String, String> values(EvaluationRequest r) {
        Map<String, String> values = new LinkedHashMap<>();
        put(values, EVENT_TYPE, r.eventType());
        if (r.region() != null) {
            put(values, REGION_CODE, r.region().code());
            put(values, REGION_NAME, r.region().name());
            put(values, REGION_LEVEL, r.region().level());
        }
        put(values, AS_OF, r.asOf() == null ? null : r.asOf().toString());
        if (r.indicators() != null) {
            r.indicators().forEach((name, value) -> put(values, INDICATOR + name, text(value)));
        }
        return values;
    }

    /** A value as the form shows it: numbers without an exponent, yes/no as true/false. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal b) {
            return b.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    private static void put(Map<String, String> values, String param, String value) {
        if (value != null && !value.isEmpty()) {
            values.put(param, value);
        }
    }

    /** The form parameter a JSON pointer of the API names, or null when the form has no field for it. */
    static String param(String pointer) {
        return switch (pointer) {
            case "/eventType" -> EVENT_TYPE;
            case "/region", "/region/code" -> REGION_CODE;
            case "/region/name" -> REGION_NAME;
            case "/region/level" -> REGION_LEVEL;
            case "/asOf" -> AS_OF;
            default -> pointer.startsWith("/indicators/") && pointer.length() > "/indicators/".length()
                    ? INDICATOR + pointer.substring("/indicators/".length()).replace("~1", "/").replace("~0", "~")
                    : null;
        };
    }

    private static String pointer(String param) {
        return param.startsWith(INDICATOR) ? "/indicators/" + param.substring(INDICATOR.length()) : "/" + param;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
