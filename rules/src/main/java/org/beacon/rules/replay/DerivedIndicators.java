package org.beacon.rules.replay;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The indicators a replay derives from a region's series, for the step it is deciding: what a reviewer would have
 * known that day, nothing later.
 *
 * <ul>
 * <li>Every column passes through under its own name ({@code cumulativeConfirmed}, {@code deaths}, {@code cases}).
 * <li>From {@code cumulativeConfirmed}, day by day: {@code newCases} (today's increase; a revision downwards counts
 * 0; the first day has none, as the file does not say when its total arose), {@code newCases7d} and
 * {@code newCases14d} (the last 7 and 14 days, today included; the first days of a timeline count what it holds),
 * {@code daysWithoutNewCase} and {@code daysSinceLastCase} (days since the last day with a new case, 0 on such a
 * day; a total above 0 on the first day counts as cases that day; the whole timeline so far when it has none).
 * <li>From {@code cases}, month by month: {@code ratioTo5yMean}, this month over the mean of the same month in the
 * 5 previous years, when the timeline holds all five and their mean is not 0.
 * </ul>
 */
public final class DerivedIndicators {

    public static final String CUMULATIVE_CONFIRMED = "cumulativeConfirmed";
    public static final String CASES = "cases";
    public static final String NEW_CASES = "newCases";
    public static final String NEW_CASES_7D = "newCases7d";
    public static final String NEW_CASES_14D = "newCases14d";
    public static final String DAYS_WITHOUT_NEW_CASE = "daysWithoutNewCase";
    public static final String DAYS_SINCE_LAST_CASE = "daysSinceLastCase";
    public static final String RATIO_5Y_MEAN = "ratioTo5yMean";
    /** The region's response level when the step starts (filled by the replay's state, not the file). */
    public static final String CURRENT_LEVEL = "currentLevel";
    public static final String DAYS_AT_CURRENT_LEVEL = "daysAtCurrentLevel";

    private final Timeline.Step step;
    /** The series' columns, in file order: looked up once, not once a step. */
    private final String[] names;
    private final double[][] columns;
    private final double[] cumulative;
    private final double[] cases;
    private final double[] newCases;
    private final int[] lastNewCase;

    DerivedIndicators(Timeline.Series series, Timeline.Step step) {
        this.step = step;
        this.names = new String[series.columns().size()];
        this.columns = new double[names.length][];
        int k = 0;
        for (Map.Entry<String, double[]> e : series.columns().entrySet()) {
            names[k] = e.getKey();
            columns[k++] = e.getValue();
        }
        this.cumulative = series.columns().get(CUMULATIVE_CONFIRMED);
        this.cases = series.columns().get(CASES);
        if (cumulative == null || step != Timeline.Step.DAY) {
            newCases = null;
            lastNewCase = null;
            return;
        }
        newCases = new double[series.length()];
        lastNewCase = new int[series.length()];
        double previous = Double.NaN;
        int last = -1;
        for (int i = 0; i < cumulative.length; i++) {
            double c = cumulative[i];
            double n = Double.isNaN(c) || Double.isNaN(previous) ? Double.NaN : Math.max(0, c - previous);
            newCases[i] = n;
            if (!Double.isNaN(n) && n > 0 || Double.isNaN(previous) && c > 0) {
                last = i;
            }
            lastNewCase[i] = last;
            if (!Double.isNaN(c)) {
                previous = c;
            }
        }
    }

    /** The values of step {@code i}; a value the series does not have is left out. */
    Map<String, Object> at(int i) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int c = 0; c < names.length; c++) {
            put(out, names[c], columns[c][i]);
        }
        if (newCases != null && !Double.isNaN(cumulative[i])) {
            put(out, NEW_CASES, newCases[i]);
            put(out, NEW_CASES_7D, window(i, 7));
            put(out, NEW_CASES_14D, window(i, 14));
            int quiet = lastNewCase[i] < 0 ? i + 1 : i - lastNewCase[i];
            put(out, DAYS_WITHOUT_NEW_CASE, quiet);
            put(out, DAYS_SINCE_LAST_CASE, quiet);
        }
        if (step == Timeline.Step.MONTH && cases != null && i >= 60 && !Double.isNaN(cases[i])) {
            double sum = 0;
            boolean complete = true;
            for (int k = 1; k <= 5; k++) {
                double v = cases[i - 12 * k];
                complete &= !Double.isNaN(v);
                sum += v;
            }
            if (complete && sum > 0) {
                put(out, RATIO_5Y_MEAN, Math.round(cases[i] / (sum / 5) * 10_000) / 10_000.0);
            }
        }
        return out;
    }

    private double window(int i, int days) {
        double sum = 0;
        for (int k = Math.max(0, i - days + 1); k <= i; k++) {
            if (!Double.isNaN(newCases[k])) {
                sum += newCases[k];
            }
        }
        return sum;
    }

    /** The columns a replay of {@code t} shows per step: the timeline's own series, then what it derives. */
    public static List<String> columns(Timeline t) {
        Set<String> names = new LinkedHashSet<>();
        t.regions().forEach(s -> names.addAll(s.names()));
        if (t.step() == Timeline.Step.DAY && names.contains(CUMULATIVE_CONFIRMED)) {
            names.addAll(List.of(NEW_CASES, NEW_CASES_7D, NEW_CASES_14D, DAYS_WITHOUT_NEW_CASE, DAYS_SINCE_LAST_CASE));
        }
        if (t.step() == Timeline.Step.MONTH && names.contains(CASES)) {
            names.add(RATIO_5Y_MEAN);
        }
        return List.copyOf(names);
    }

    private static void put(Map<String, Object> out, String name, double v) {
        if (!Double.isNaN(v)) {
            out.put(name, v == Math.rint(v) && Math.abs(v) < 1e15 ? BigDecimal.valueOf((long) v)
                    : BigDecimal.valueOf(v));
        }
    }
}
