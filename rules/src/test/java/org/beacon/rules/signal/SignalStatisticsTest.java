package org.beacon.rules.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each statistic against values worked out by hand, and the history each one needs. */
class SignalStatisticsTest {

    private static final LocalDate START = LocalDate.of(2026, 3, 1);

    private static BigDecimal n(String v) {
        return new BigDecimal(v);
    }

    @Test
    void earsC1ComparesTheDayWithTheSevenDaysBefore() {
        // baseline 10,12,10,12,10,12,10: mean 76/7 = 10.857143, sample sd sqrt(6.857143/6) = 1.069045
        // C1 = (20 − 10.857143) / 1.069045 = 8.5524
        Map<String, BigDecimal> s = SignalStatistics.of(START, new double[] {10, 12, 10, 12, 10, 12, 10, 20});
        assertThat(s).containsEntry("earsC1", n("8.5524"))
                .containsEntry("signalValue7d", n("86.0000"))
                .doesNotContainKeys("earsC2", "earsC3", "cidarsPercentile", "ratio5yMean");
    }

    @Test
    void aFlatBaselineUsesTheMinimumSigma() {
        double[] v = new double[10];
        Arrays.fill(v, 5);
        v[9] = 6;
        Map<String, BigDecimal> s = SignalStatistics.of(START, v);
        assertThat(s).containsEntry("earsC1", n("2.0000")).containsEntry("earsC2", n("2.0000"));
        assertThat(s).doesNotContainKey("earsC3");
    }

    @Test
    void earsC3SumsTheExcessOfC2OverTheLastThreeDays() {
        // baselines all 5 (sd → 0.5): C2 of the last three days (9, 11, 14) = 8, 12, 18; C3 = 7 + 11 + 17 = 35
        double[] v = {5, 5, 5, 5, 5, 5, 5, 5, 5, 9, 11, 14};
        assertThat(SignalStatistics.of(START, v)).containsEntry("earsC2", n("18.0000"))
                .containsEntry("earsC3", n("35.0000"));
    }

    @Test
    void eachStatisticNeedsItsHistory() {
        assertThat(SignalStatistics.of(START, new double[6])).isEmpty();
        assertThat(SignalStatistics.of(START, new double[7])).containsOnlyKeys("signalValue7d");
        assertThat(SignalStatistics.of(START, new double[9])).containsOnlyKeys("signalValue7d", "earsC1");
        assertThat(SignalStatistics.of(START, new double[11])).containsOnlyKeys("signalValue7d", "earsC1", "earsC2");
        assertThat(SignalStatistics.of(START, new double[12])).containsOnlyKeys("signalValue7d", "earsC1", "earsC2",
                "earsC3");
    }

    /** A constant series of {@code days} days ending on {@code end}, with the last 7 days set to {@code last}. */
    private static double[] series(LocalDate start, LocalDate end, double base, double last) {
        double[] v = new double[(int) ChronoUnit.DAYS.between(start, end) + 1];
        Arrays.fill(v, base);
        Arrays.fill(v, v.length - 7, v.length, last);
        return v;
    }

    @Test
    void cidarsPercentileRanksTheWeekAgainstFifteenBlocksOfThreeYears() {
        LocalDate end = LocalDate.of(2026, 7, 1);
        LocalDate start = end.minusYears(3).minusWeeks(2).minusDays(6);
        // every block is 7; a week of 14 is above every percentile, a week of 7 above none
        assertThat(SignalStatistics.of(start, series(start, end, 1, 2))).containsEntry("cidarsPercentile", n("100"));
        assertThat(SignalStatistics.of(start, series(start, end, 1, 1))).containsEntry("cidarsPercentile", n("0"));
        assertThat(SignalStatistics.of(start.plusDays(1), Arrays.copyOfRange(series(start, end, 1, 2), 1,
                (int) ChronoUnit.DAYS.between(start, end) + 1))).doesNotContainKey("cidarsPercentile");
    }

    @Test
    void cidarsPercentileIsTheLargestPercentileExceeded() {
        LocalDate end = LocalDate.of(2026, 7, 1);
        LocalDate start = end.minusYears(3).minusWeeks(2).minusDays(6);
        double[] v = series(start, end, 0, 0);
        // blocks: 15 weeks ending on end − k years + j weeks; give them 7-day counts 1 … 15
        int count = 1;
        for (int year = 1; year <= 3; year++) {
            for (int week = -2; week <= 2; week++) {
                int last = (int) ChronoUnit.DAYS.between(start, end.minusYears(year).plusWeeks(week));
                v[last] = count++;
            }
        }
        Arrays.fill(v, v.length - 7, v.length, 0);
        v[v.length - 1] = 8.5; // between 8 and 9: the median of 1…15 is 8, so P50 is exceeded and P55 is not
        assertThat(SignalStatistics.of(start, v).get("cidarsPercentile").intValue()).isBetween(50, 54);
    }

    @Test
    void ratio5yMeanDividesTheWeekByTheSameWeekOfFiveYears() {
        LocalDate end = LocalDate.of(2026, 7, 1);
        LocalDate start = end.minusYears(5).minusDays(6);
        assertThat(SignalStatistics.of(start, series(start, end, 1, 3))).containsEntry("ratio5yMean", n("3.0000"));
        assertThat(SignalStatistics.of(start, series(start, end, 0, 3))).as("a 5-year mean of 0 gives no ratio")
                .doesNotContainKey("ratio5yMean");
        assertThat(SignalStatistics.of(start.plusDays(1), new double[(int) ChronoUnit.DAYS.between(start, end)]))
                .doesNotContainKey("ratio5yMean");
    }

    @Test
    void aLeapDayLooksBackToTheTwentyEighthOfFebruary() {
        LocalDate end = LocalDate.of(2024, 2, 29);
        LocalDate start = end.minusYears(5).minusDays(6);
        assertThat(SignalStatistics.of(start, series(start, end, 2, 4))).containsEntry("ratio5yMean", n("2.0000"));
    }

    @Test
    void refusesSeriesThatAreNotCounts() {
        assertThatThrownBy(() -> SignalStatistics.of(START, new double[0])).hasMessageContaining("at least one");
        assertThatThrownBy(() -> SignalStatistics.of(START, new double[] {1, Double.NaN}))
                .hasMessageContaining("day 1");
        assertThatThrownBy(() -> SignalStatistics.of(START, new double[] {1, -1})).hasMessageContaining("0 or more");
        assertThatThrownBy(() -> SignalStatistics.of(START, new double[4001])).hasMessageContaining("at most 4000");
    }

    @Test
    void refusesACountAboveTheDailyBoundInsteadOfOverflowing() {
        // seven days of 1e308 add up to infinity, which no BigDecimal can hold
        double[] v = new double[12];
        Arrays.fill(v, 1e308);
        assertThatThrownBy(() -> SignalStatistics.of(START, v)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("day 0").hasMessageContaining("1000000000");
    }

    @Test
    void theLongestSeriesOfTheLargestCountsGivesEveryStatisticFinite() {
        // alternating 0 and the bound for 4000 days: the largest sums and deviations a valid series can have
        LocalDate start = LocalDate.of(2015, 1, 1);
        double[] v = new double[SignalStatistics.MAX_DAYS];
        for (int i = 0; i < v.length; i += 2) {
            v[i] = SignalStatistics.MAX_DAILY_COUNT;
        }
        assertThat(SignalStatistics.of(start, v)).containsOnlyKeys("signalValue7d", "earsC1", "earsC2", "earsC3",
                "cidarsPercentile", "ratio5yMean");
        v[v.length - 1] = SignalStatistics.MAX_DAILY_COUNT;
        Arrays.fill(v, 0, v.length - 1, 0);
        assertThat(SignalStatistics.of(start, v)).as("a flat baseline and then the largest count")
                .containsEntry("signalValue7d", n("1000000000.0000")).containsEntry("earsC1", n("2000000000.0000"));
    }
}
