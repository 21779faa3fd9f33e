package org.beacon.rules.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Timelines are read as they are: nothing guessed, every problem located, revisions and gaps reported. */
class TimelineCsvTest {

    private static Timeline read(String csv, TimelineCsv.Options options) {
        return TimelineCsv.read(new StringReader(csv), "t.csv", options);
    }

    private static List<DataIssue> errors(String csv, TimelineCsv.Options options) {
        return refused(() -> read(csv, options));
    }

    /** The errors of actual decisions that must be refused. */
    private static List<DataIssue> errors(String actualCsv, String file) {
        return refused(() -> ActualLevels.read(new StringReader(actualCsv), file));
    }

    private static List<DataIssue> refused(Runnable read) {
        try {
            read.run();
        } catch (ReplayInputException e) {
            return e.issues();
        }
        throw new AssertionError("expected the input to be refused");
    }

    private static final TimelineCsv.Options DEFAULTS = TimelineCsv.Options.defaults();

    @Test
    void refusesALevelTheRuleSetDoesNotDeclareAtItsLine() {
        String csv = """
                date,region,level,cases
                2020-01-22,A,county,1
                2020-01-22,B,state,2
                """;
        assertThat(errors(csv, DEFAULTS)).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo("INVALID_VALUE");
            assertThat(i.where()).isEqualTo("t.csv:3 level");
            assertThat(i.detail()).isEqualTo("'state' is not a region level of the rule set (province, prefecture, "
                    + "county, township)");
        });
        assertThat(errors(csv.replace("county", "province"), DEFAULTS.withLevels(List.of("state", "county"))))
                .singleElement().satisfies(i -> assertThat(i.where()).isEqualTo("t.csv:2 level"));
        assertThat(read(csv, DEFAULTS.withLevels(List.of("state", "county"))).regions())
                .extracting(Timeline.Series::level).containsExactly("county", "state");
    }

    @Test
    void rowsWithoutALevelAreAtProvinceOnlyWhenTheRuleSetHasThatLevel() {
        String csv = "date,region,cases\n2020-01-22,A,1\n";
        assertThat(read(csv, DEFAULTS).regions().get(0).level()).isEqualTo("province");
        assertThat(read(csv, DEFAULTS.withLevels(List.of("state", "county"))).regions().get(0).level()).isNull();
    }

    @Test
    void aFileMixingSourcesMustBePinnedToOne() {
        String csv = """
                date,region,source,cumulativeConfirmed
                2020-01-22,330000,jhu,27
                2020-01-22,330000,canghailan,43
                2020-01-23,330000,canghailan,62
                """;
        List<DataIssue> issues = errors(csv, DEFAULTS);
        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo("SEVERAL_SOURCES");
            assertThat(i.detail()).contains("canghailan: 2 rows", "jhu: 1 rows");
        });
        Timeline pinned = read(csv, DEFAULTS.withSource("canghailan"));
        assertThat(pinned.regions()).singleElement().satisfies(s -> {
            assertThat(s.length()).isEqualTo(2);
            assertThat(s.columns().get("cumulativeConfirmed")).containsExactly(43, 62);
        });
        assertThat(errors(csv, DEFAULTS.withSource("who"))).extracting(DataIssue::code)
                .containsExactly("UNKNOWN_SOURCE");
    }

    @Test
    void gapsNeedAnExplicitPolicyAndAreFilledAsTold() {
        String csv = """
                date,region,cumulativeConfirmed,cases
                2020-01-01,A,10,4
                2020-01-04,A,16,2
                """;
        DataIssue gap = errors(csv, DEFAULTS).get(0);
        assertThat(gap.code()).isEqualTo("MISSING_DAYS");
        assertThat(gap.where()).isEqualTo("A");
        assertThat(gap.detail()).contains("2 missing", "2020-01-02", "zeroFill", "carryForward");

        Timeline zero = read(csv, DEFAULTS.withMissingDays(Timeline.MissingDays.ZERO_FILL));
        assertThat(zero.regions().get(0).columns().get("cases")).containsExactly(4, 0, 0, 2);
        assertThat(zero.regions().get(0).columns().get("cumulativeConfirmed")).as("a total stays, nothing new")
                .containsExactly(10, 10, 10, 16);
        assertThat(zero.issues()).extracting(DataIssue::code).containsExactly("MISSING_DAYS");

        Timeline carried = read(csv, DEFAULTS.withMissingDays(Timeline.MissingDays.CARRY_FORWARD));
        assertThat(carried.regions().get(0).columns().get("cases")).containsExactly(4, 4, 4, 2);
    }

    @Test
    void aTotalThatGoesDownIsReportedAndCountsNothingNewThatDay() {
        String csv = """
                date,region,cumulativeConfirmed
                2020-01-01,420000,41
                2020-01-02,420000,44
                2020-01-03,420000,41
                2020-01-04,420000,45
                """;
        Timeline t = read(csv, DEFAULTS);
        assertThat(t.issues()).singleElement().satisfies(i -> {
            assertThat(i.error()).isFalse();
            assertThat(i.code()).isEqualTo("CUMULATIVE_DECREASE");
            assertThat(i.where()).isEqualTo("420000 2020-01-03");
            assertThat(i.detail()).contains("44 to 41");
        });
        DerivedIndicators derived = new DerivedIndicators(t.regions().get(0), Timeline.Step.DAY);
        assertThat(derived.at(2)).containsEntry("newCases", new java.math.BigDecimal(0));
        assertThat(derived.at(3)).as("the revised total is the new base").containsEntry("newCases",
                new java.math.BigDecimal(4)).containsEntry("newCases7d", new java.math.BigDecimal(7));
    }

    @Test
    void everyBadCellIsNamedByLineAndColumnAndNothingIsRead() {
        String csv = """
                date,region,cumulativeConfirmed,deaths
                2020-01-01,A,10,0
                2020-13-01,A,12,0
                2020-01-03,A,many,0
                2020-01-04,A,14,-1
                2020-01-04,A,15,0
                """;
        assertThat(errors(csv, DEFAULTS)).extracting(i -> i.code() + " " + i.where()).containsExactly(
                "INVALID_VALUE t.csv:3 date", "INVALID_VALUE t.csv:4 cumulativeConfirmed",
                "INVALID_VALUE t.csv:5 deaths", "DUPLICATE_DAY t.csv:6");
        assertThat(errors("region,cases\nA,1\n", DEFAULTS)).extracting(DataIssue::code)
                .containsExactly("MISSING_COLUMN");
        assertThat(errors("date,region,new cases\n2020-01-01,A,1\n", DEFAULTS)).singleElement()
                .satisfies(i -> assertThat(i.detail()).contains("'new cases' is not an indicator name"));
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsNotPartOfTheFirstColumn() {
        Timeline t = read("\uFEFFdate,region,cases\n2020-01-01,A,3\n", DEFAULTS);
        assertThat(t.regions().get(0).columns().get("cases")).containsExactly(3);
        assertThat(ActualLevels.read(new StringReader("\uFEFFregion,date,level\nA,2020-01-01,Ⅱ\n"), "a.csv")
                .levelOn("A", LocalDate.of(2020, 1, 2))).isEqualTo(org.beacon.rules.model.Grade.II);
    }

    @Test
    void monthlyTimelinesStepByMonthAndDeriveTheFiveYearRatio() {
        StringBuilder csv = new StringBuilder("date,region,cases\n");
        for (int year = 2009; year <= 2014; year++) {
            for (int month = 1; month <= 12; month++) {
                int cases = year == 2014 && month == 7 ? 252 : month == 7 ? 30 + (year - 2009) * 2 : 5;
                csv.append(String.format("%d-%02d-15,440000,%d%n", year, month, cases));
            }
        }
        Timeline t = read(csv.toString(), DEFAULTS.withStep(Timeline.Step.MONTH));
        Timeline.Series s = t.regions().get(0);
        assertThat(s.start()).isEqualTo(LocalDate.of(2009, 1, 1));
        int july2014 = 5 * 12 + 6;
        assertThat(s.date(Timeline.Step.MONTH, july2014)).isEqualTo(LocalDate.of(2014, 7, 1));
        DerivedIndicators derived = new DerivedIndicators(s, Timeline.Step.MONTH);
        assertThat(derived.at(july2014)).as("252 over the mean of 30, 32, 34, 36, 38")
                .containsEntry("ratioTo5yMean", new java.math.BigDecimal("7.4118"));
        assertThat(derived.at(july2014 - 1)).containsEntry("ratioTo5yMean", new java.math.BigDecimal(1));
        assertThat(derived.at(12 * 4 + 6)).as("only four earlier years").doesNotContainKey("ratioTo5yMean");
    }
    @Test
    void refusesControlCharactersInRegionCodesAndNamesWhereTheyAreRatherThanStrippingThem() {
        String csv = "date,region,regionName,cases\n"
                + "2020-01-01,A,\t=1+1,3\n"
                + "2020-01-01,\"B\u0000\",乙,3\n"
                + "2020-01-01,C,\"丙\r=1+1\",3\n"
                + "2020-01-01,D,丁\u007f,3\n";
        List<DataIssue> issues = errors(csv, DEFAULTS);
        assertThat(issues).extracting(i -> i.code() + " " + i.where()).containsExactly(
                "INVALID_VALUE t.csv:2 regionName", "INVALID_VALUE t.csv:3 region", "INVALID_VALUE t.csv:4 regionName",
                "INVALID_VALUE t.csv:5 regionName");
        assertThat(issues).allSatisfy(i -> assertThat(i.detail()).contains("control character"));
        assertThat(errors("region,date,level\n\"A\u0007\",2020-01-01,Ⅱ\n", "a.csv")).singleElement()
                .satisfies(i -> assertThat(i.where()).isEqualTo("a.csv:2 region"));
    }

    @Test
    void regionCodesAndNamesHaveTheLengthLimitsOfTheEvaluationApi() {
        String csv = "date,region,regionName,cases\n"
                + "2020-01-01," + "D".repeat(51) + ",丁,3\n"
                + "2020-01-01,E," + "戊".repeat(201) + ",3\n"
                + "2020-01-01," + "F".repeat(50) + "," + "己".repeat(200) + ",3\n";
        assertThat(errors(csv, DEFAULTS)).extracting(i -> i.where() + " " + i.detail()).containsExactly(
                "t.csv:2 region at most 50 characters, not 51", "t.csv:3 regionName at most 200 characters, not 201");
    }

    @Test
    void spacesAroundValuesAreStillLeftOut() {
        Timeline t = read("date, region, regionName, cases\n2020-01-01 , 330100 , 杭州市 , 3 \n", DEFAULTS);
        assertThat(t.regions()).singleElement().satisfies(s -> {
            assertThat(s.regionCode()).isEqualTo("330100");
            assertThat(s.regionName()).isEqualTo("杭州市");
            assertThat(s.columns()).containsOnlyKeys("cases");
            assertThat(s.columns().get("cases")).containsExactly(3);
        });
    }

    @Test
    void refusesCountsAboveOneBillionAndTextThatIsNotPlainlyANumber() {
        String csv = """
                date,region,cumulativeConfirmed,deaths
                2020-01-01,A,1000000000,0
                2020-01-02,A,1e308,0
                2020-01-03,A,1000000001,0
                2020-01-04,A,12f,0x1p3
                2020-01-05,A,NaN,Infinity
                """;
        List<DataIssue> issues = errors(csv, DEFAULTS);
        assertThat(issues).extracting(DataIssue::where).containsExactly("t.csv:3 cumulativeConfirmed",
                "t.csv:4 cumulativeConfirmed", "t.csv:5 cumulativeConfirmed", "t.csv:5 deaths",
                "t.csv:6 cumulativeConfirmed", "t.csv:6 deaths");
        assertThat(issues.get(0).detail()).contains("'1e308'", "at most 1000000000");
        assertThat(issues.get(2).detail()).contains("'12f' is not a number");
        Timeline atTheLimit = read("date,region,cases\n2020-01-01,A,1e9\n2020-01-02,A,0.5\n", DEFAULTS);
        assertThat(atTheLimit.regions().get(0).columns().get("cases")).containsExactly(1e9, 0.5);
    }

    @Test
    void refusesDatesBeyondFourDigitYearsAndSpansLongerThanTheRowLimit() {
        assertThat(errors("date,region,cases\n+10000-01-01,A,1\n", DEFAULTS)).extracting(DataIssue::where)
                .containsExactly("t.csv:2 date");
        String csv = """
                date,region,cases
                0001-01-01,A,1
                9999-12-31,A,1
                0001-01-01,B,1
                9999-12-31,B,1
                """;
        assertThat(errors(csv, DEFAULTS.withMissingDays(Timeline.MissingDays.ZERO_FILL))).singleElement()
                .satisfies(i -> {
                    assertThat(i.code()).isEqualTo("TOO_LARGE");
                    assertThat(i.where()).isEqualTo("t.csv");
                    assertThat(i.detail()).contains("7304118 region-steps", "at most 5000000");
                });
    }
}
