package org.beacon.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beacon.rules.model.Dictionary;
import org.beacon.rules.model.FilledIndicators;
import org.beacon.rules.model.Indicator;

/**
 * The JSON Schema (draft 2020-12) of the situations a rule set decides, generated from its Dictionary: the fields a
 * caller sends, which are required, each indicator's type, range, allowed values, unit and description. What it
 * says required is what {@link CompiledRuleSet#check} refuses without; the check stays the authority (it also says
 * why, in both languages). Returned as plain maps and lists, for the caller to write as JSON. Stateless.
 */
public final class SituationSchema {

    static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";

    private SituationSchema() {
    }

    /** The schema of situations for {@code dictionary}, titled with the rule set's {@code id}. */
    public static Map<String, Object> of(String id, Dictionary dictionary) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", DRAFT);
        schema.put("title", "A situation for rule set " + id);
        schema.put("description", "What POST /evaluations and beacon evaluate take. An indicator left out, or sent "
                + "as null, is missing: a row testing it does not match.");
        schema.put("type", "object");
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        dictionary.find(Indicator.EVENT_TYPE).ifPresent(e -> {
            required.add(Indicator.EVENT_TYPE);
            properties.put(Indicator.EVENT_TYPE, describe(ordered("type", "string", "enum", e.values()), e));
        });
        required.add("region");
        properties.put("region", region(dictionary));
        properties.put("asOf", ordered("type", "string", "format", "date",
                "description", "the date the situation describes, YYYY-MM-DD"));
        properties.put("indicators", indicators(dictionary));
        properties.put("signals", signals());
        schema.put("required", required);
        schema.put("properties", properties);
        return schema;
    }

    private static Map<String, Object> region(Dictionary dictionary) {
        List<String> levels = dictionary.regionLevels();
        Map<String, Object> region = new LinkedHashMap<>();
        region.put("type", "object");
        region.put("required", List.of("code"));
        region.put("properties", ordered(
                "code", ordered("type", "string", "minLength", 1, "maxLength", 50,
                        "description", "administrative division code, e.g. 330106"),
                "name", ordered("type", "string", "maxLength", 200, "description", "display name"),
                "level", ordered("type", "string", "enum", levels, "description", "the region's level; tables read it as adminLevel")));
        return region;
    }

    private static Map<String, Object> indicators(Dictionary dictionary) {
        Map<String, Object> each = new LinkedHashMap<>();
        for (Indicator i : dictionary.indicators()) {
            FilledIndicators.Role role = FilledIndicators.role(i.name());
            boolean sent = role == FilledIndicators.Role.SITUATION || role == FilledIndicators.Role.RESPONSE_GRADE;
            if (!sent || i.name().equals(Indicator.EVENT_TYPE) || i.name().equals(Indicator.ADMIN_LEVEL)) {
                continue; // filled by Beacon, or sent in the situation's own fields
            }
            Map<String, Object> p = new LinkedHashMap<>();
            String type = switch (i.type()) {
                case INTEGER -> "integer";
                case DECIMAL -> "number";
                case BOOLEAN -> "boolean";
                default -> "string";
            };
            p.put("type", List.of(type, "null"));
            if (!i.values().isEmpty()) {
                List<Object> values = new ArrayList<>(i.values());
                values.add(null);
                p.put("enum", values);
            }
            if (i.min() != null) {
                p.put("minimum", i.min());
            }
            if (i.max() != null) {
                p.put("maximum", i.max());
            }
            each.put(i.name(), describe(p, i));
        }
        Map<String, Object> indicators = new LinkedHashMap<>();
        indicators.put("type", "object");
        indicators.put("description", "indicator values by Dictionary name; null or left out: missing");
        indicators.put("properties", each);
        indicators.put("additionalProperties", false);
        return indicators;
    }

    private static Map<String, Object> describe(Map<String, Object> property, Indicator i) {
        Map<String, Object> p = new LinkedHashMap<>(property);
        String text = String.join(" / ", List.of(i.descriptionZh(), i.descriptionEn()).stream()
                .filter(s -> s != null && !s.isBlank()).toList());
        if (!text.isEmpty()) {
            p.put("description", text);
        }
        if (i.unit() != null && !i.unit().isBlank()) {
            p.put("x-unit", i.unit());
        }
        return p;
    }

    /** A map of {@code key, value, …} in the order written, so the schema reads the same on every call. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> signals() {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", "object");
        item.put("required", List.of("source", "start", "values"));
        item.put("properties", ordered("source", ordered("type", "string"),
                "start", ordered("type", "string", "format", "date"),
                "values", ordered("type", "array", "items", ordered("type", "number", "minimum", 0,
                        "maximum", 1_000_000_000))));
        return ordered("type", "array", "description", "surveillance signals: one series of daily counts per source",
                "items", item);
    }
}
