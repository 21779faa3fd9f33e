package org.beacon.rules.signal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The statistics warning tables threshold on, derived from one surveillance signal: a source's daily counts for a
 * region, oldest first, ending on the day evaluated (t). Tables hold only the thresholds; the methods live here.
 *
 * <ul>
 * <li>{@code signalValue7d}: the count of the last 7 days, t−6…t.</li>
 * <li>{@code earsC1}, {@code earsC2}, {@code earsC3}: the CDC Early Aberration Reporting System statistics, as in
 * the R package {@code surveillance} ({@code earsC}) (criteria §6.2). C1 = (y(t) − mean) / sd over the 7 days
 * t−7…t−1; C2 the same over t−9…t−3 (a 2-day guard band, so a rise over two days is not absorbed into the
 * baseline); C3 = Σ max(0, C2(i) − 1) over i = t−2, t−1, t. The CDC flags C1 or C2 above 3 and C3 above 2. The
 * standard deviation is the sample one (n − 1), at least {@link #MIN_SIGMA}, so a flat baseline does not divide
 * by zero.</li>
 * <li>{@code cidarsPercentile}: China's CIDARS moving percentile method (criteria §6.1). The last 7 days' count is
 * compared with 15 historical blocks, the 7-day counts of the same period and the 2 weeks before and after it in
 * each of the previous 3 years; the value is the largest p (1–100) such that the count exceeds the p-th percentile
 * of the blocks, 0 when none. A cell {@code ≥ 50} is therefore the CIDARS P50 alert.</li>
 * <li>{@code ratio5yMean}: the last 7 days' count over the mean of the same 7 days in each of the previous 5 years,
 * the "5-year same-period mean" of the grading standard (criteria §2).</li>
 * </ul>
 *
 * A statistic whose history the series does not cover (or whose 5-year mean is 0) is left out, never guessed.
 * Daily counts are at most {@link #MAX_DAILY_COUNT}, so no statistic overflows.
 */
public final class SignalStatistics {

    public static final String SIGNAL_VALUE_7D = "signalValue7d";
    public static final String EARS_C1 = "earsC1";
    public static final String EARS_C2 = "earsC2";
    public static final String EARS_C3 = "earsC3";
    public static final String CIDARS_PERCENTILE = "cidarsPercentile";
    public static final String RATIO_5Y_MEAN = "ratio5yMean";
    /** Smallest standard deviation EARS uses, so a flat baseline does not divide by zero (Burkom: 0.5–1). */
    public static final double MIN_SIGMA = 0.5;
    /** Longest series accepted: about 11 years of days. */
    public static final int MAX_DAYS = 4000;
    /**
     * Largest count of one day accepted: more than any real series reaches (a billion visits, cases or sales in a
     * day), yet small enough that sums and deviations over {@link #MAX_DAYS} days stay far from overflowing.
     */
    public static final double MAX_DAILY_COUNT = 1_000_000_000;

    private SignalStatistics() {
    }

    /** The last day of a series of {@code length} days starting on {@code start}. */
    public static LocalDate end(LocalDate start, int length) {
        return start.plusDays(length - 1L);
    }

    /**
     * @param start the date of {@code values[0]}
     * @param values one non-negative count per day; the last is day t, the day evaluated
     * @return the statistics the history allows, by name, rounded to 4 decimals ({@code cidarsPercentile} whole)
     * @throws IllegalArgumentException for an empty or too long series, or a count that is negative, not finite or
     *     above {@link #MAX_DAILY_COUNT}
     */
    public static Map<String, BigDecimal> of(LocalDate start, double[] values) {
        check(values);
        Series s = new Series(start, values);
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        int t = values.length - 1;
        if (values.length >= 7) {
            putRounded(out, SIGNAL_VALUE_7D, s.sum7(t));
        }
        if (values.length >= 8) {
            putRounded(out, EARS_C1, ears(values, t, 1));
        }
        if (values.length >= 10) {
            putRounded(out, EARS_C2, ears(values, t, 3));
        }
        if (values.length >= 12) {
            double c3 = 0;
            for (int i = t - 2; i <= t; i++) {
                c3 += Math.max(0, ears(values, i, 3) - 1);
            }
            putRounded(out, EARS_C3, c3);
        }
        Integer percentile = cidarsPercentile(s);
        if (percentile != null) {
            out.put(CIDARS_PERCENTILE, BigDecimal.valueOf(percentile));
        }
        Double ratio = ratio5yMean(s);
        if (ratio != null) {
            putRounded(out, RATIO_5Y_MEAN, ratio);
        }
        return out;
    }

    private static void check(double[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("a signal needs at least one daily count");
        }
        if (values.length > MAX_DAYS) {
            throw new IllegalArgumentException("a signal may have at most " + MAX_DAYS + " days, not "
                    + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0 && values[i] <= MAX_DAILY_COUNT)) {
                throw new IllegalArgumentException("day " + i + " of the signal is " + values[i]
                        + "; a daily count is a number 0 or more, at most " + (long) MAX_DAILY_COUNT);
            }
        }
    }

    /** (y(day) − mean) / sd over the 7 days ending {@code lag} days before {@code day}. */
    private static double ears(double[] values, int day, int lag) {
        int from = day - lag - 6;
        double mean = new Mean().evaluate(values, from, 7);
        double sd = new StandardDeviation(true).evaluate(values, from, 7);
        return (values[day] - mean) / Math.max(sd, MIN_SIGMA);
    }

    private static Integer cidarsPercentile(Series s) {
        double[] blocks = new double[15];
        int n = 0;
        for (int year = 1; year <= 3; year++) {
            for (int week = -2; week <= 2; week++) {
                Double block = s.sum7Ending(s.end.minusYears(year).plusWeeks(week));
                if (block == null) {
                    return null;
                }
                blocks[n++] = block;
            }
        }
        double current = s.sum7(s.values.length - 1);
        Percentile percentile = new Percentile();
        percentile.setData(blocks);
        for (int p = 100; p >= 1; p--) {
            if (current > percentile.evaluate(p)) {
                return p;
            }
        }
        return 0;
    }

    private static Double ratio5yMean(Series s) {
        double[] sums = new double[5];
        for (int year = 1; year <= 5; year++) {
            Double sum = s.sum7Ending(s.end.minusYears(year));
            if (sum == null) {
                return null;
            }
            sums[year - 1] = sum;
        }
        double mean = new Mean().evaluate(sums);
        return mean == 0 ? null : s.sum7(s.values.length - 1) / mean;
    }

    /**
     * Puts the statistic rounded to 4 decimals. Counts within {@link #MAX_DAILY_COUNT} cannot overflow, but should a
     * statistic still come out infinite or NaN it is left out like one without history: a decision must never fail
     * on it, nor a threshold be compared with it.
     */
    private static void putRounded(Map<String, BigDecimal> out, String name, double v) {
        if (Double.isFinite(v)) {
            out.put(name, BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP));
        }
    }

    /** A daily series with its dates. */
    private static final class Series {
        final LocalDate start;
        final LocalDate end;
        final double[] values;

        Series(LocalDate start, double[] values) {
            this.start = start;
            this.values = values;
            this.end = SignalStatistics.end(start, values.length);
        }

        /** Sum of the 7 days ending on index {@code last}. */
        double sum7(int last) {
            double sum = 0;
            for (int i = last - 6; i <= last; i++) {
                sum += values[i];
            }
            return sum;
        }

        /** Sum of the 7 days ending on {@code day}, or null when the series does not hold all of them. */
        Double sum7Ending(LocalDate day) {
            long last = ChronoUnit.DAYS.between(start, day);
            return last < 6 || last >= values.length ? null : sum7((int) last);
        }
    }
}
