package org.beacon.service.web;

import static org.beacon.service.web.Cases.quoted;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;
import tools.jackson.databind.JsonNode;

/**
 * Situations, batches and risk maps made from the indicator dictionary (valid values, boundaries and values just
 * outside them, the wrong type, huge and tiny numbers, odd strings and dates, fields left out) and from random JSON,
 * as JSON text. One generator per try, from one seed, so a failing try is made again from its seed alone. Never two
 * names in one object: the service refuses that for the whole document, which a batch test must not meet by chance.
 */
final class RequestGenerator {

    /** An indicator as {@code GET /indicators} describes it. */
    record Indicator(String name, String type, List<String> values, BigDecimal min, BigDecimal max) {

        static Indicator of(JsonNode n) {
            List<String> values = new ArrayList<>();
            n.path("values").forEach(v -> values.add(v.asString()));
            return new Indicator(n.path("name").asString(), n.path("type").asString(), values,
                    n.path("min").isNumber() ? n.path("min").decimalValue() : null,
                    n.path("max").isNumber() ? n.path("max").decimalValue() : null);
        }
    }

    private static final List<String> ODD_TEXT = List.of("", " ", "\\u0000", "\\t=1+1", "=cmd|' /C calc'!A0",
            "' OR '1'='1", "${jndi:ldap://127.0.0.1/a}", "\\u202Eevil", "名字", "\\ud83d\\ude00", "\\\\", "\\\"",
            "null", "NaN", "Infinity", "2026-07-01", "true", "0x10", "1e3");
    private static final List<String> ODD_NUMBERS = List.of("0", "-0", "0.0", "-1", "1e308", "-1e308", "1.7E308",
            "1E-400", "1e-999999", "1e400", "29.999999999999999999", "12.5", "12.000000000000000001", "3E+1",
            "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890", "0.1", "1E+5");
    /** Names a situation does not send: Beacon fills them from its own fields and signals. */
    private static final Set<String> DERIVED = Set.of("eventType", "adminLevel", "signalSource", "signalValue7d",
            "earsC1", "earsC2", "earsC3", "cidarsPercentile", "ratio5yMean", "signalsBlue", "signalsYellow",
            "signalsOrange", "signalsRed");
    private static final List<String> RISK_MAP_INDICATORS = List.of("cumulativeConfirmed", "newCases7d",
            "clusters14d", "localCaseShare", "daysWithoutNewCase");

    private final Random random;
    /** How much of this try is wrong: 0 makes only valid requests, 1 gets a wrong value in most. */
    private final double mess;
    private final List<Indicator> dictionary;
    private final List<Indicator> situationIndicators;
    private final List<String> eventTypes;
    private final List<String> sources;

    RequestGenerator(Random random, List<Indicator> dictionary) {
        this.random = random;
        this.mess = List.of(0.0, 0.3, 1.0).get(random.nextInt(3));
        this.dictionary = dictionary;
        this.situationIndicators = dictionary.stream().filter(i -> !DERIVED.contains(i.name())).toList();
        this.eventTypes = values(dictionary, "eventType");
        this.sources = values(dictionary, "signalSource");
    }

    private static List<String> values(List<Indicator> dictionary, String name) {
        return dictionary.stream().filter(i -> i.name().equals(name)).findFirst().map(Indicator::values)
                .orElse(List.of());
    }

    /** One situation; now and then with surveillance signals. */
    String situation() {
        LocalDate asOf = LocalDate.of(2019 + random.nextInt(9), 1 + random.nextInt(12), 1 + random.nextInt(28));
        Fields f = new Fields();
        f.keep("eventType", 0.95, this::eventType);
        f.keep("region", 0.95, this::region);
        f.maybe("asOf", 0.9, () -> date(asOf));
        f.maybe("indicators", 0.9, this::indicators);
        f.maybe("signals", 0.3, () -> signals(asOf));
        if (bad(0.03)) {
            f.put(name(), any(2));
        }
        return f.toString();
    }

    /** A batch of situations and, now and then, JSON that is no situation at all. */
    String batch() {
        StringJoiner items = new StringJoiner(",", "{\"situations\":[", "]}");
        int n = 1 + random.nextInt(10);
        for (int i = 0; i < n; i++) {
            items.add(bad(0.15) ? any(2) : situation());
        }
        return items.toString();
    }

    /** A risk map of a few regions; now and then a region twice. */
    String riskMap() {
        LocalDate asOf = LocalDate.of(2020, 1 + random.nextInt(12), 1 + random.nextInt(28));
        Fields f = new Fields();
        f.keep("eventType", 0.97, () -> bad(0.2) ? eventType() : "\"covid19\"");
        f.keep("asOf", 0.95, () -> date(asOf));
        StringJoiner regions = new StringJoiner(",", "[", "]");
        int n = random.nextInt(12);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (bad(0.05)) {
                regions.add(any(2));
                continue;
            }
            String code = !codes.isEmpty() && bad(0.05) ? codes.get(random.nextInt(codes.size()))
                    : String.valueOf(330001 + random.nextInt(900));
            codes.add(code);
            Fields region = new Fields();
            region.keep("code", 0.97, () -> quoted(code));
            region.maybe("level", 0.8, () -> bad(0.1) ? oddText() : "\"county\"");
            Fields indicators = new Fields();
            for (String name : RISK_MAP_INDICATORS) {
                Indicator ind = dictionary.stream().filter(d -> d.name().equals(name)).findFirst().orElse(null);
                if (ind != null) {
                    indicators.maybe(name, 0.8, () -> value(ind));
                }
            }
            if (bad(0.05)) {
                indicators.put(name(), any(1));
            }
            Fields entry = new Fields();
            entry.keep("region", 0.97, region::toString);
            entry.maybe("indicators", 0.97, indicators::toString);
            regions.add(entry.toString());
        }
        f.keep("regions", 0.97, regions::toString);
        return f.toString();
    }

    /** Any JSON value, nested at most {@code depth} deep. */
    String any(int depth) {
        int kind = random.nextInt(depth > 0 ? 8 : 6);
        switch (kind) {
            case 0 -> {
                return "null";
            }
            case 1 -> {
                return random.nextBoolean() ? "true" : "false";
            }
            case 2 -> {
                return ODD_NUMBERS.get(random.nextInt(ODD_NUMBERS.size()));
            }
            case 3 -> {
                return String.valueOf(random.nextInt(2000) - 1000);
            }
            case 4, 5 -> {
                return oddText();
            }
            case 6 -> {
                StringJoiner array = new StringJoiner(",", "[", "]");
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(any(depth - 1));
                }
                return array.toString();
            }
            default -> {
                Fields object = new Fields();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.put(name(), any(depth - 1));
                }
                return object.toString();
            }
        }
    }

    private String eventType() {
        if (!eventTypes.isEmpty() && !bad(0.15)) {
            String v = eventTypes.get(random.nextInt(eventTypes.size()));
            return quoted(bad(0.05) ? v.toUpperCase(java.util.Locale.ROOT) : v);
        }
        return chance(0.5) ? oddText() : any(1);
    }

    private String region() {
        if (bad(0.05)) {
            return any(1);
        }
        Fields f = new Fields();
        f.keep("code", 0.95, () -> !bad(0.1) ? quoted(String.valueOf(110000 + random.nextInt(900000)))
                : chance(0.5) ? oddText() : quoted("3".repeat(1 + random.nextInt(60))));
        f.maybe("name", 0.5, () -> !bad(0.2) ? quoted("区" + random.nextInt(100)) : oddText());
        f.maybe("level", 0.8, () -> !bad(0.1) ? quoted(List.of("province", "prefecture", "county", "township")
                .get(random.nextInt(4))) : oddText());
        return f.toString();
    }

    private String date(LocalDate valid) {
        if (!bad(0.3)) {
            return "\"" + valid + "\"";
        }
        return switch (random.nextInt(8)) {
            case 0 -> "\"0001-01-01\"";
            case 1 -> "\"9999-12-31\"";
            case 2 -> "\"2026-02-30\"";
            case 3 -> "[" + valid.getYear() + "," + valid.getMonthValue() + "," + valid.getDayOfMonth() + "]";
            case 4 -> "\"" + valid + " \"";
            case 5 -> String.valueOf(valid.toEpochDay());
            case 6 -> "\"+1" + valid + "\"";
            default -> any(0);
        };
    }

    private String indicators() {
        if (bad(0.03)) {
            return any(1);
        }
        Fields f = new Fields();
        for (int i = random.nextInt(7); i > 0; i--) {
            Indicator ind = situationIndicators.get(random.nextInt(situationIndicators.size()));
            if (bad(0.1)) {
                ind = dictionary.get(random.nextInt(dictionary.size())); // one Beacon derives, or the event type
            }
            f.put(bad(0.03) ? ind.name().toUpperCase(java.util.Locale.ROOT) : ind.name(), value(ind));
        }
        if (bad(0.1)) {
            f.put(chance(0.5) ? name() : List.of("asOf", "region", "signals", "eventType", "adminLevel")
                    .get(random.nextInt(5)), any(1));
        }
        return f.toString();
    }

    /** A value for {@code ind}: mostly valid, often at or just past a boundary, sometimes of another type. */
    private String value(Indicator ind) {
        if (bad(0.08)) {
            return any(1);
        }
        return switch (ind.type()) {
            case "integer", "decimal" -> number(ind);
            case "boolean" -> !bad(0.1) ? String.valueOf(random.nextBoolean()) : any(0);
            case "enum" -> !ind.values().isEmpty() && !bad(0.15)
                    ? quoted(ind.values().get(random.nextInt(ind.values().size()))) : oddText();
            default -> chance(0.8) ? quoted("text " + random.nextInt(1000)) : oddText();
        };
    }

    private String number(Indicator ind) {
        BigDecimal min = ind.min() == null ? BigDecimal.valueOf(-1000) : ind.min();
        BigDecimal max = ind.max() == null ? min.add(BigDecimal.valueOf(100_000)) : ind.max();
        BigDecimal step = ind.type().equals("integer") ? BigDecimal.ONE : new BigDecimal("0.01");
        if (bad(0.3)) {
            return switch (random.nextInt(3)) {
                case 0 -> min.subtract(step).toPlainString();
                case 1 -> max.add(step).toPlainString();
                default -> ODD_NUMBERS.get(random.nextInt(ODD_NUMBERS.size()));
            };
        }
        return switch (random.nextInt(10)) {
            case 0 -> min.toPlainString();
            case 1 -> max.toPlainString();
            default -> {
                BigDecimal span = max.subtract(min).min(BigDecimal.valueOf(1_000_000));
                BigDecimal v = min.add(span.multiply(BigDecimal.valueOf(random.nextDouble())));
                yield (ind.type().equals("integer") ? v.setScale(0, java.math.RoundingMode.DOWN)
                        : v.setScale(random.nextInt(4), java.math.RoundingMode.DOWN)).toPlainString();
            }
        };
    }

    /** Daily series that reach asOf, some not; counts mostly small, now and then negative, fractional or huge. */
    private String signals(LocalDate asOf) {
        StringJoiner list = new StringJoiner(",", "[", "]");
        for (int i = random.nextInt(4); i > 0; i--) {
            int days = 1 + random.nextInt(chance(0.3) ? 2000 : 60);
            Fields s = new Fields();
            s.keep("source", 0.95, () -> !sources.isEmpty() && !bad(0.1)
                    ? quoted(sources.get(random.nextInt(sources.size()))) : oddText());
            s.keep("start", 0.95, () -> date(asOf.minusDays(days - 1 + (bad(0.1) ? random.nextInt(5) - 2 : 0))));
            StringJoiner values = new StringJoiner(",", "[", "]");
            // now and then a whole series of one odd number (1e308 every day), else an odd day here and there
            String every = !bad(0.25) ? null : chance(0.5) ? List.of("1e308", "1.7E308", "9e307").get(random.nextInt(3))
                    : ODD_NUMBERS.get(random.nextInt(ODD_NUMBERS.size()));
            for (int d = 0; d < days; d++) {
                values.add(every != null ? every : !bad(0.005) ? String.valueOf(random.nextInt(200))
                        : ODD_NUMBERS.get(random.nextInt(ODD_NUMBERS.size())));
            }
            s.keep("values", 0.95, values::toString);
            list.add(s.toString());
        }
        return list.toString();
    }

    private String oddText() {
        if (chance(0.2)) {
            return quoted("x".repeat(random.nextInt(3000)));
        }
        return "\"" + ODD_TEXT.get(random.nextInt(ODD_TEXT.size())) + "\"";
    }

    private String name() {
        return List.of("x", "cases ", "Cases", "case", "a/b", "~", "", "名字", "eventtype", "\\u0000",
                "k" + random.nextInt(100)).get(random.nextInt(11));
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** A wrong choice, as often as this try's {@link #mess} allows. */
    private boolean bad(double p) {
        return random.nextDouble() < p * mess;
    }

    /** A JSON object being written: each name at most once (the first value put under it). */
    private final class Fields {
        private final Set<String> names = new LinkedHashSet<>();
        private final StringJoiner text = new StringJoiner(",", "{", "}");

        void put(String name, String json) {
            // names are compared as the service reads them: an escape and the character it stands for are one name
            if (names.add(name.replace("\\u0000", "\u0000"))) {
                text.add("\"" + name + "\":" + json);
            }
        }

        /** Put with probability p: an optional field. */
        void maybe(String name, double p, java.util.function.Supplier<String> json) {
            if (chance(p)) {
                put(name, json.get());
            }
        }

        /** Put unless it is left out by mistake: a required field. */
        void keep(String name, double p, java.util.function.Supplier<String> json) {
            if (!bad(1 - p)) {
                put(name, json.get());
            }
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
