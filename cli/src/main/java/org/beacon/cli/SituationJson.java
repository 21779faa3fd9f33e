package org.beacon.cli;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beacon.rules.model.AdminLevel;
import org.beacon.rules.model.IsoDate;
import org.beacon.rules.model.Region;
import org.beacon.rules.model.Signal;
import org.beacon.rules.model.Situation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a situation file: {@code {"eventType", "region": {"code", "name", "level"}, "asOf", "indicators": {}}}, the
 * way the service reads a request: numbers as written (never through a double), dates exactly YYYY-MM-DD.
 */
final class SituationJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** What is wrong with the file, as a line of the command line's bundle ({@code situation.…}). */
    static final class InvalidSituationFileException extends Exception {
        private final transient CommandLineText.Line line;

        InvalidSituationFileException(String key, Object... args) {
            this(new CommandLineText.Line("situation." + key, args));
        }

        private InvalidSituationFileException(CommandLineText.Line line) {
            super(line.inEnglish());
            this.line = line;
        }

        /** The problem in the language of {@code text}. */
        String in(CommandLineText text) {
            return line.in(text);
        }
    }

    private SituationJson() {
    }

    /** @throws tools.jackson.core.JacksonException when the text is not JSON */
    static Situation read(String json) throws InvalidSituationFileException {
        return read(tree(json));
    }

    /** The JSON as a tree, numbers as written. @throws tools.jackson.core.JacksonException when it is not JSON */
    static JsonNode tree(String json) throws InvalidSituationFileException {
        try {
            return JSON.readTree(json);
        } catch (NumberFormatException e) {
            // Jackson lets this through for a decimal no BigDecimal can hold (1E+2147483648)
            throw new InvalidSituationFileException("exponent");
        }
    }

    static Situation read(JsonNode root) throws InvalidSituationFileException {
        if (!root.isObject()) {
            throw new InvalidSituationFileException("notObject");
        }
        String eventType = text(root, "eventType");
        JsonNode r = root.path("region");
        Region region = null;
        if (r.isObject()) {
            // which levels exist is the rule set's Dictionary's to say: the situation check holds the level to it
            region = new Region(text(r, "code"), text(r, "name"), AdminLevel.normalised(text(r, "level")));
        }
        LocalDate asOf = root.hasNonNull("asOf") ? date(root.get("asOf"), "/asOf") : null;
        Map<String, Object> indicators = new LinkedHashMap<>();
        JsonNode values = root.path("indicators");
        if (!values.isMissingNode() && !values.isObject()) {
            throw new InvalidSituationFileException("indicators");
        }
        for (Map.Entry<String, JsonNode> e : values.properties()) {
            JsonNode v = e.getValue();
            Object value;
            if (v.isIntegralNumber()) {
                value = new BigDecimal(v.bigIntegerValue());
            } else if (v.isNumber()) {
                value = v.decimalValue();
            } else if (v.isBoolean()) {
                value = v.booleanValue();
            } else if (v.isString()) {
                value = v.stringValue();
            } else if (v.isNull()) {
                value = null;
            } else {
                throw new InvalidSituationFileException("indicatorValue", e.getKey());
            }
            indicators.put(e.getKey(), value);
        }
        return new Situation(eventType, region, asOf, indicators, signals(root.path("signals")));
    }

    /** {@code [{"source": "ili", "start": "2021-01-01", "values": [3, 5, …]}]}: one count per day from start. */
    private static List<Signal> signals(JsonNode node) throws InvalidSituationFileException {
        List<Signal> signals = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return signals;
        }
        if (!node.isArray()) {
            throw new InvalidSituationFileException("signals");
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode s = node.get(i);
            String at = "/signals/" + i;
            LocalDate start = date(s.path("start"), at + "/start");
            JsonNode values = s.path("values");
            if (!values.isArray()) {
                throw new InvalidSituationFileException("signalValues", at);
            }
            double[] counts = new double[values.size()];
            for (int d = 0; d < counts.length; d++) {
                if (!values.get(d).isNumber()) {
                    throw new InvalidSituationFileException("signalValue", at, d);
                }
                counts[d] = values.get(d).doubleValue();
            }
            signals.add(new Signal(s.path("source").asString(null), start, counts));
        }
        return signals;
    }

    /** Exactly YYYY-MM-DD, as the service reads it: not an array of numbers, not with spaces. */
    private static LocalDate date(JsonNode node, String pointer) throws InvalidSituationFileException {
        try {
            return IsoDate.parse(node.isString() ? node.stringValue() : null);
        } catch (DateTimeParseException e) {
            throw node.isString() ? new InvalidSituationFileException("notDate", pointer, node.stringValue())
                    : new InvalidSituationFileException("noDate", pointer);
        }
    }

    private static String text(JsonNode node, String field) throws InvalidSituationFileException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw new InvalidSituationFileException("notText", field);
        }
        return v.stringValue();
    }
}
