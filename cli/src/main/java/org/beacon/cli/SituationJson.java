package org.beacon.cli;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beacon.rules.model.AdminLevel;
import org.beacon.rules.model.Region;
import org.beacon.rules.model.Signal;
import org.beacon.rules.model.Situation;
import tools.jackson.databind.JsonNode;

/** Reads a situation file: {@code {"eventType", "region": {"code", "name", "level"}, "asOf", "indicators": {}}}. */
final class SituationJson {

    static final class InvalidSituationFileException extends Exception {
        InvalidSituationFileException(String message) {
            super(message);
        }
    }

    private SituationJson() {
    }

    static Situation read(JsonNode root) throws InvalidSituationFileException {
        if (!root.isObject()) {
            throw new InvalidSituationFileException("the file must hold a JSON object");
        }
        String eventType = text(root, "eventType");
        JsonNode r = root.path("region");
        Region region = null;
        if (r.isObject()) {
            String level = text(r, "level");
            AdminLevel adminLevel = null;
            if (level != null) {
                adminLevel = AdminLevel.parse(level).orElseThrow(() -> new InvalidSituationFileException(
                        "/region/level: '" + level + "' is not province, prefecture, county or township"));
            }
            region = new Region(text(r, "code"), text(r, "name"), adminLevel);
        }
        LocalDate asOf = null;
        String date = text(root, "asOf");
        if (date != null) {
            try {
                asOf = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw new InvalidSituationFileException("/asOf: '" + date + "' is not a date like 2026-07-01");
            }
        }
        Map<String, Object> indicators = new LinkedHashMap<>();
        JsonNode values = root.path("indicators");
        if (!values.isMissingNode() && !values.isObject()) {
            throw new InvalidSituationFileException("/indicators must be an object of name: value");
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
                throw new InvalidSituationFileException("/indicators/" + e.getKey()
                        + " must be a number, true/false or text");
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
            throw new InvalidSituationFileException("/signals must be a list of {source, start, values}");
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode s = node.get(i);
            String at = "/signals/" + i;
            LocalDate start;
            try {
                start = LocalDate.parse(s.path("start").asString(""));
            } catch (DateTimeParseException e) {
                throw new InvalidSituationFileException(at + "/start must be a date like 2026-07-01");
            }
            JsonNode values = s.path("values");
            if (!values.isArray()) {
                throw new InvalidSituationFileException(at + "/values must be a list of daily counts");
            }
            double[] counts = new double[values.size()];
            for (int d = 0; d < counts.length; d++) {
                if (!values.get(d).isNumber()) {
                    throw new InvalidSituationFileException(at + "/values/" + d + " must be a number");
                }
                counts[d] = values.get(d).doubleValue();
            }
            signals.add(new Signal(s.path("source").asString(null), start, counts));
        }
        return signals;
    }

    private static String text(JsonNode node, String field) throws InvalidSituationFileException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw new InvalidSituationFileException(field + " must be text");
        }
        return v.stringValue();
    }
}
