package org.beacon.rules.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.beacon.rules.model.Dictionary;
import org.beacon.rules.model.FilledIndicators;
import org.beacon.rules.model.Indicator;
import org.beacon.rules.model.IndicatorType;
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
        int first = problems.size();
        int checked = 0;
        for (Map.Entry<String, Object> e : situation.indicators().entrySet()) {
            if (problems.size() - first >= MAX_INDICATOR_PROBLEMS) {
                int rest = situation.indicators().size() - checked;
                problems.add(new SituationProblem("/indicators", String.format(Locale.ROOT, "%,d more indicators "
                        + "not checked: at most %d problems are listed, fix these first", rest,
                        MAX_INDICATOR_PROBLEMS)));
                break;
            }
            checked++;
            String pointer = "/indicators/" + e.getKey().replace("~", "~0").replace("/", "~1");
            Indicator ind = dictionary.find(e.getKey()).orElse(null);
            if (ind != null && FilledIndicators.role(ind.name()) != FilledIndicators.Role.SITUATION
                    && FilledIndicators.role(ind.name()) != FilledIndicators.Role.RESPONSE_GRADE) {
                problems.add(new SituationProblem(pointer, ind.name() + " is derived by Beacon from the situation's "
                        + "signals; send the daily series under signals instead"));
                continue;
            }
            if (SITUATION_FIELDS.contains(e.getKey())) {
                problems.add(new SituationProblem(pointer, e.getKey() + " is a field of the situation, not an "
                        + "indicator: send it beside indicators, as in {\"eventType\": \"cholera\", \"region\": {…}, "
                        + "\"asOf\": \"2026-07-01\", \"indicators\": {…}}"));
                continue;
            }
            if (e.getKey().equals(Indicator.ADMIN_LEVEL)) {
                problems.add(new SituationProblem(pointer, "adminLevel is the region's level, not an indicator: "
                        + "send it as region.level (province, prefecture, county, township)"));
                continue;
            }
            if (ind == null) {
                add(problems, SituationProblem.listing(pointer, "unknown indicator '" + shorten(e.getKey()) + "'"
                        + (e.getKey().length() > MAX_SUGGESTED_LENGTH ? ""
                        : Dictionary.didYouMean(dictionary.closeNames(e.getKey()))), validIndicators(dictionary)));
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
            + " (the most one day may count)";

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
            problems.add(new SituationProblem("/signals", "this rule set has no signal tables (no signalSource in its "
                    + "dictionary), so signals cannot be used"));
            return out;
        }
        if (situation.signals().size() > MAX_SIGNALS) {
            problems.add(new SituationProblem("/signals", "at most " + MAX_SIGNALS + " signals per situation, not "
                    + situation.signals().size()));
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
            problems.add(new SituationProblem(pointer, "a signal must be an object with source, start and values"));
            return null;
        }
        int before = problems.size();
        Object sourceValue = signal.source() == null ? null
                : canonical(source, signal.source(), pointer + "/source", problems);
        if (signal.source() == null) {
            problems.add(new SituationProblem(pointer + "/source", "source is required; valid values: "
                    + String.join(", ", source.values())));
        } else if (sourceValue != null && firstOfSource.putIfAbsent(sourceValue, i) != null) {
            // the multi-point tables count signals: one source sent twice would count as two warnings
            problems.add(new SituationProblem(pointer + "/source", "'" + sourceValue + "' is already the "
                    + "source of /signals/" + firstOfSource.get(sourceValue) + "/source; send one series per "
                    + "source"));
        }
        if (signal.start() == null) {
            problems.add(new SituationProblem(pointer + "/start", "start (the date of the first value) is "
                    + "required"));
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
                problems.add(new SituationProblem(pointer + "/values", "the series runs from " + signal.start()
                        + " to " + SignalStatistics.end(signal.start(), values.length) + " but the situation is "
                        + "as of " + situation.asOf() + ": it must reach that day"));
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
            problems.add(new SituationProblem(pointer + "/values", "values (one count per day) are required"));
        } else if (values.length > MAX_SIGNAL_DAYS) {
            problems.add(new SituationProblem(pointer + "/values", "at most " + MAX_SIGNAL_DAYS + " days, not "
                    + values.length));
        } else {
            for (int d = 0; d < values.length; d++) {
                if (!(values[d] >= 0 && values[d] <= SignalStatistics.MAX_DAILY_COUNT)) {
                    problems.add(new SituationProblem(pointer + "/values/" + d, "a daily count must be a number "
                            + "from 0 to " + COUNT_BOUND + ", not " + values[d]));
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
    private static String validIndicators(Dictionary dictionary) {
        List<String> all = new ArrayList<>();
        dictionary.indicators().stream().map(Indicator::name)
                .filter(n -> !n.equals(Indicator.EVENT_TYPE) && !n.equals(Indicator.ADMIN_LEVEL))
                .filter(n -> FilledIndicators.role(n) == FilledIndicators.Role.SITUATION || FilledIndicators.role(n)
                        == FilledIndicators.Role.RESPONSE_GRADE)
                .sorted().forEach(all::add);
        return "valid indicators: " + String.join(", ", all);
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
            if (n.abs().compareTo(LARGEST) > 0) {
                problems.add(new SituationProblem(pointer, ind.name() + " must be a number between -" + LARGEST
                        + " and " + LARGEST + ", not " + describe(n)));
                return null;
            }
            BigDecimal whole = n.stripTrailingZeros();
            if (ind.type() == IndicatorType.INTEGER && whole.scale() > 0) {
                problems.add(new SituationProblem(pointer, ind.name() + " must be a whole number, not "
                        + describe(n)));
                return null;
            }
            if (!ind.inRange(n)) {
                problems.add(new SituationProblem(pointer, describe(n) + " is outside the range of "
                        + ind.name() + " " + ind.rangeText()));
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
                problems.add(new SituationProblem(pointer, ind.name() + " must be true or false, not "
                        + describe(raw)));
                return null;
            }
            case ENUM -> {
                if (raw instanceof String s && ind.enumValue(s).isPresent()) {
                    return ind.enumValue(s).get();
                }
                add(problems, SituationProblem.listing(pointer, describe(raw) + " is not a value of " + ind.name(),
                        "valid values of " + ind.name() + ": " + String.join(", ", ind.values())));
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
