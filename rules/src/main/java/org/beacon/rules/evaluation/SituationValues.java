package org.beacon.rules.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.beacon.rules.model.AdminLevel;
import org.beacon.rules.model.Dictionary;
import org.beacon.rules.model.FilledIndicators;
import org.beacon.rules.model.Indicator;
import org.beacon.rules.model.IndicatorType;
import org.beacon.rules.model.Message;
import org.beacon.rules.model.Signal;
import org.beacon.rules.model.Situation;
import org.beacon.rules.model.SituationProblem;
import org.beacon.rules.signal.SignalStatistics;

/**
 * A situation checked against a dictionary, computed once per decision: its values in the canonical form rules use
 * (numbers as BigDecimal, enum values spelt as in the dictionary, booleans as {@code true}/{@code false}), each
 * signal's statistics, and every problem found. Immutable.
 *
 * @param dictionary the dictionary it was checked against
 * @param values canonical values by indicator name
 * @param signals each valid signal as the rules see it
 * @param problems what does not fit the dictionary; empty when the situation can be decided
 */
public record SituationValues(Dictionary dictionary, Map<String, Object> values, List<SignalFacts> signals,
        List<SituationProblem> problems) {

    public SituationValues {
        values = Collections.unmodifiableMap(values);
        signals = List.copyOf(signals);
        problems = List.copyOf(problems);
    }

    /** Checks a situation: its indicators, then its signals, every problem in that order. */
    public static SituationValues check(Situation situation, Dictionary dictionary) {
        List<SituationProblem> problems = new ArrayList<>();
        Map<String, Object> values = indicators(situation, dictionary, problems);
        List<SignalFacts> signals = signals(situation, dictionary, problems);
        return new SituationValues(dictionary, values, signals, problems);
    }

    /**
     * Most problems listed for one situation's indicators: enough to fix a request, and it bounds the answer and the
     * time spent on a request with a million wrong names.
     */
    static final int MAX_INDICATOR_PROBLEMS = 100;
    /** Fields of the situation itself, which a caller may put inside indicators by mistake. */
    private static final List<String> SITUATION_FIELDS = List.of(Indicator.EVENT_TYPE, "region", "asOf", "signals");
    /** Names longer than this get no "did you mean": comparing them with every name would cost more than it helps. */
    private static final int MAX_SUGGESTED_LENGTH = 64;

    /** Canonical values by indicator name; problems are added to {@code problems}. */
    private static Map<String, Object> indicators(Situation situation, Dictionary dictionary,
            List<SituationProblem> problems) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (situation.eventType() == null || situation.eventType().isBlank()) {
            // a rule set whose Dictionary declares no event types has nothing to pick by them: none is needed
            if (dictionary.find(Indicator.EVENT_TYPE).isPresent()) {
                problems.add(SituationProblem.of("/eventType", Message.of("situation.eventTypeRequired")));
            }
        } else {
            dictionary.find(Indicator.EVENT_TYPE).ifPresentOrElse(
                    ind -> put(values, ind, situation.eventType(), "/eventType", problems),
                    () -> values.put(Indicator.EVENT_TYPE, situation.eventType()));
        }
        if (situation.region() == null) {
            problems.add(SituationProblem.of("/region", Message.of("situation.regionRequired")));
        } else if (situation.region().code() == null || situation.region().code().isBlank()) {
            // the region is how a decision is found again in the audit trail: a region without a code is none
            problems.add(SituationProblem.of("/region/code", Message.of("situation.regionCodeRequired")));
        }
        if (situation.region() != null && situation.region().level() != null) {
            String level = situation.region().level();
            // the Dictionary's adminLevel says which levels exist (US states and counties…); without one, the four
            dictionary.find(Indicator.ADMIN_LEVEL).ifPresentOrElse(
                    ind -> put(values, ind, level, "/region/level", problems),
                    () -> {
                        if (AdminLevel.parse(level).isEmpty()) {
                            problems.add(SituationProblem.of("/region/level", Message.of("situation.regionLevel",
                                    shorten(level))));
                        }
                    });
        }
        int first = problems.size();
        int checked = 0;
        for (Map.Entry<String, Object> e : situation.indicators().entrySet()) {
            if (problems.size() - first >= MAX_INDICATOR_PROBLEMS) {
                int rest = situation.indicators().size() - checked;
                problems.add(SituationProblem.of("/indicators", Message.of("situation.notChecked",
                        String.format(Locale.ROOT, "%,d", rest), MAX_INDICATOR_PROBLEMS)));
                break;
            }
            checked++;
            String pointer = "/indicators/" + e.getKey().replace("~", "~0").replace("/", "~1");
            Indicator ind = dictionary.find(e.getKey()).orElse(null);
            if (ind != null && FilledIndicators.role(ind.name()) != FilledIndicators.Role.SITUATION
                    && FilledIndicators.role(ind.name()) != FilledIndicators.Role.RESPONSE_GRADE) {
                problems.add(SituationProblem.of(pointer, Message.of("situation.derived", ind.name())));
                continue;
            }
            if (SITUATION_FIELDS.contains(e.getKey())) {
                problems.add(SituationProblem.of(pointer, Message.of("situation.situationField", e.getKey(),
                        "{\"eventType\": \"cholera\", \"region\": {…}, \"asOf\": \"2026-07-01\", "
                        + "\"indicators\": {…}}")));
                continue;
            }
            if (e.getKey().equals(Indicator.ADMIN_LEVEL)) {
                problems.add(SituationProblem.of(pointer, Message.of("situation.adminLevel")));
                continue;
            }
            if (ind == null) {
                add(problems, SituationProblem.listing(pointer, Message.of("situation.unknownIndicator",
                        shorten(e.getKey()), e.getKey().length() > MAX_SUGGESTED_LENGTH ? Message.word("nothing")
                        : Dictionary.suggestion(dictionary.closeNames(e.getKey()))), validIndicators(dictionary)));
                continue;
            }
            if (e.getValue() != null) {
                put(values, ind, e.getValue(), pointer, problems);
            }
        }
        return values;
    }

    /**
     * Adds {@code p}; when a problem already added gives the same listing, {@code p} points at it instead of
     * repeating it.
     */
    private static void add(List<SituationProblem> problems, SituationProblem p) {
        if (p.listing() != null) {
            for (SituationProblem earlier : problems) {
                if (p.listing().equals(earlier.listing())) {
                    problems.add(p.listedAt(earlier.pointer()));
                    return;
                }
            }
        }
        problems.add(p);
    }

    /** Longest series accepted, about 11 years of days: enough for a 5-year same-period baseline. */
    static final int MAX_SIGNAL_DAYS = 4000;
    /** Most signals in one situation. */
    static final int MAX_SIGNALS = 50;
    private static final String COUNT_BOUND = BigDecimal.valueOf(SignalStatistics.MAX_DAILY_COUNT).toBigInteger()
            .toString();

    /**
     * Each signal's facts for the {@code For each: signal} tables: its source and the statistics its history allows,
     * as of the situation's date (later values are ignored). Problems are added to {@code problems}.
     */
    private static List<SignalFacts> signals(Situation situation, Dictionary dictionary,
            List<SituationProblem> problems) {
        List<SignalFacts> out = new ArrayList<>();
        if (situation.signals().isEmpty()) {
            return out;
        }
        Indicator source = dictionary.find(FilledIndicators.SIGNAL_SOURCE).orElse(null);
        if (source == null) {
            problems.add(SituationProblem.of("/signals", Message.of("situation.noSignalTables")));
            return out;
        }
        if (situation.signals().size() > MAX_SIGNALS) {
            problems.add(SituationProblem.of("/signals", Message.of("situation.tooManySignals", MAX_SIGNALS,
                    situation.signals().size())));
            return out;
        }
        Map<Object, Integer> firstOfSource = new java.util.HashMap<>();
        for (int i = 0; i < situation.signals().size(); i++) {
            SignalFacts facts = signal(situation, i, source, firstOfSource, problems);
            if (facts != null) {
                out.add(facts);
            }
        }
        return out;
    }

    /** Signal {@code i} as the rules see it, or null when it has a problem (added to {@code problems}). */
    private static SignalFacts signal(Situation situation, int i, Indicator source, Map<Object, Integer> firstOfSource,
            List<SituationProblem> problems) {
        Signal signal = situation.signals().get(i);
        String pointer = "/signals/" + i;
        if (signal == null) {
            problems.add(SituationProblem.of(pointer, Message.of("situation.signalNotObject")));
            return null;
        }
        int before = problems.size();
        Object sourceValue = signal.source() == null ? null
                : canonical(source, signal.source(), pointer + "/source", problems);
        if (signal.source() == null) {
            problems.add(SituationProblem.of(pointer + "/source", Message.of("situation.sourceRequired",
                    Message.joined("separator.items", source.values()))));
        } else if (sourceValue != null && firstOfSource.putIfAbsent(sourceValue, i) != null) {
            // the multi-point tables count signals: one source sent twice would count as two warnings
            problems.add(SituationProblem.of(pointer + "/source", Message.of("situation.sourceRepeated", sourceValue,
                    firstOfSource.get(sourceValue))));
        }
        if (signal.start() == null) {
            problems.add(SituationProblem.of(pointer + "/start", Message.of("situation.startRequired")));
        }
        double[] values = signal.values();
        checkCounts(values, pointer, problems);
        if (problems.size() > before) {
            return null;
        }
        if (situation.asOf() != null) {
            long days = java.time.temporal.ChronoUnit.DAYS.between(signal.start(), situation.asOf()) + 1;
            if (days < values.length && days >= 1) {
                values = java.util.Arrays.copyOf(values, (int) days);
            } else if (days != values.length) {
                problems.add(SituationProblem.of(pointer + "/values", Message.of("situation.seriesTooShort",
                        signal.start(), SignalStatistics.end(signal.start(), values.length), situation.asOf())));
                return null;
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put(FilledIndicators.SIGNAL_SOURCE, sourceValue);
        Map<String, BigDecimal> statistics = SignalStatistics.of(signal.start(), values);
        for (Map.Entry<String, BigDecimal> e : statistics.entrySet()) {
            facts.put(e.getKey(), e.getValue());
        }
        return new SignalFacts(sourceValue.toString(), SignalStatistics.end(signal.start(), values.length),
                statistics, facts);
    }

    /** One count per day, each from 0 to the bound: the first problem is added to {@code problems}. */
    private static void checkCounts(double[] values, String pointer, List<SituationProblem> problems) {
        if (values == null || values.length == 0) {
            problems.add(SituationProblem.of(pointer + "/values", Message.of("situation.valuesRequired")));
        } else if (values.length > MAX_SIGNAL_DAYS) {
            problems.add(SituationProblem.of(pointer + "/values", Message.of("situation.tooManyDays", MAX_SIGNAL_DAYS,
                    values.length)));
        } else {
            for (int d = 0; d < values.length; d++) {
                if (!(values[d] >= 0 && values[d] <= SignalStatistics.MAX_DAILY_COUNT)) {
                    problems.add(SituationProblem.of(pointer + "/values/" + d, Message.of("situation.dailyCount",
                            COUNT_BOUND, values[d])));
                    break;
                }
            }
        }
    }

    /** One signal as the rules see it. */
    public record SignalFacts(String source, java.time.LocalDate lastDay, Map<String, BigDecimal> statistics,
            Map<String, Object> facts) {
    }

    /** The names a situation may send, for the problem of a name it may not. */
    private static Message validIndicators(Dictionary dictionary) {
        List<String> all = new ArrayList<>();
        dictionary.indicators().stream().map(Indicator::name)
                .filter(n -> !n.equals(Indicator.EVENT_TYPE) && !n.equals(Indicator.ADMIN_LEVEL))
                .filter(n -> FilledIndicators.role(n) == FilledIndicators.Role.SITUATION || FilledIndicators.role(n)
                        == FilledIndicators.Role.RESPONSE_GRADE)
                .sorted().forEach(all::add);
        return Message.of("situation.validIndicators", Message.joined("separator.items", all));
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
                problems.add(SituationProblem.of(pointer, Message.of(ind.type() == IndicatorType.INTEGER
                        ? "situation.notInteger" : "situation.notNumber", ind.name(), describe(raw))));
                return null;
            }
            if (n.abs().compareTo(LARGEST) > 0) {
                problems.add(SituationProblem.of(pointer, Message.of("situation.tooLarge", ind.name(), LARGEST,
                        describe(n))));
                return null;
            }
            BigDecimal whole = n.stripTrailingZeros();
            if (ind.type() == IndicatorType.INTEGER && whole.scale() > 0) {
                problems.add(SituationProblem.of(pointer, Message.of("situation.notWhole", ind.name(), describe(n))));
                return null;
            }
            if (!ind.withinPrecision(n)) {
                problems.add(SituationProblem.of(pointer, Message.of("situation.tooManyDecimals", ind.name(),
                        ind.decimals(), describe(n))));
                return null;
            }
            if (!ind.inRange(n)) {
                problems.add(SituationProblem.of(pointer, Message.of("situation.outOfRange", describe(n), ind.name(),
                        ind.rangeText())));
                return null;
            }
            // 30.000 sent for an integer is the whole number 30, and is shown so
            return ind.type() == IndicatorType.INTEGER && n.scale() > 0 ? n.setScale(0) : n;
        }
        switch (ind.type()) {
            case BOOLEAN -> {
                if (raw instanceof Boolean b) {
                    return b.toString();
                }
                problems.add(SituationProblem.of(pointer, Message.of("situation.notBoolean", ind.name(),
                        describe(raw))));
                return null;
            }
            case ENUM -> {
                String value = raw instanceof String s ? ind.enumValue(s).orElse(null) : null;
                if (value != null) {
                    return value;
                }
                add(problems, SituationProblem.listing(pointer, Message.of("situation.notEnumValue", describe(raw),
                        ind.name()), Message.of("situation.validValues", ind.name(),
                        Message.joined("separator.items", ind.values()))));
                return null;
            }
            default -> {
                if (raw instanceof String s) {
                    return s;
                }
                problems.add(SituationProblem.of(pointer, Message.of("situation.notText", ind.name(), describe(raw))));
                return null;
            }
        }
    }

    /** The largest magnitude the engine compares (it compares numbers as doubles): beyond it, all would be equal. */
    private static final BigDecimal LARGEST = new BigDecimal("1.7E+308");

    /**
     * A JSON number as it was written: the service and the CLI read decimals as BigDecimal, so that 12.000000000000000001
     * is not 12 on its way in; a double (from a caller that made one) is taken at its shortest decimal form.
     */
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

    /** A value quoted back, never long: 1E-400 stays 1E-400, never 401 digits. */
    private static String describe(Object raw) {
        return raw instanceof String s ? "'" + shorten(s) + "'" : shorten(String.valueOf(raw));
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
