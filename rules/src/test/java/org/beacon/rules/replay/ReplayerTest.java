package org.beacon.rules.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.RuleSetCompiler;
import org.beacon.rules.WorkbookBuilder;
import org.beacon.rules.Workbooks;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.WorkbookSource;
import org.beacon.rules.replay.ReplayResult.ActualCheck;
import org.beacon.rules.replay.ReplayResult.Step;
import org.beacon.rules.replay.ReplayResult.Summary;
import org.beacon.rules.replay.ReplayResult.Transition;
import org.beacon.rules.replay.report.ReplayCsvWriter;
import org.beacon.rules.replay.report.ReplayReport;
import org.junit.jupiter.api.Test;

/**
 * A replay keeps each region's level: raised at once, lowered and ended only by rows the experts wrote, every change
 * explained; two versions compared; the recommendation set against what was actually decided.
 */
class ReplayerTest {

    /** Levels from new cases in 7 days (≥20 Ⅱ, ≥5 Ⅲ, ≥1 Ⅳ), lowered after {@code stepDownDays} below threshold. */
    private static CompiledRuleSet rules(int stepDownDays) {
        WorkbookBuilder b = new WorkbookBuilder();
        b.sheet("Dictionary").row("Dictionary")
                .row("Name", "Type", "Values", "Unit", "Min", "Max", "说明", "Description")
                .row("eventType", "enum", "flu", "", null, null, "事件类型", "event type")
                .row("newCases7d", "integer", null, "例", 0, 1000000, "近7天新增", "new cases in 7 days")
                .row("daysWithoutNewCase", "integer", null, "天", 0, 100000, "无新增天数", "days without a new case")
                .row("currentLevel", "enum", "I, II, III, IV", "", null, null, "当前级别", "current level")
                .row("daysAtCurrentLevel", "integer", null, "天", 0, 100000, "当前级别天数", "days at level");
        b.sheet("Level").row("Table", "级别").row("Hit policy", "highest grade").row("Gaps", "expected").blank()
                .row("IF newCases7d", "THEN grade")
                .row("≥20", "Ⅱ").row("≥5", "Ⅲ").row("≥1", "Ⅳ");
        b.sheet("Down").row("Table", "降级").row("Hit policy", "collect all").row("Gaps", "expected").blank()
                .row("IF currentLevel", "IF newCases7d", "IF daysAtCurrentLevel", "THEN levelChange")
                .row("Ⅱ", "<20", "≥" + stepDownDays, "降一级")
                .row("Ⅲ", "<5", "≥" + stepDownDays, "降一级");
        b.sheet("End").row("Table", "终止").row("Hit policy", "collect all").row("Gaps", "expected").blank()
                .row("IF daysWithoutNewCase", "THEN termination")
                .row("≥10", "可终止");
        return Workbooks.compiled(b);
    }

    /** Daily totals for one region: a rise to 30 new cases a week, then quiet. */
    private static final String OUTBREAK = timeline(new int[] {0, 1, 3, 6, 10, 15, 21, 28, 31, 31, 32, 32, 32, 32,
        32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32});

    private static String timeline(int[] totals) {
        StringBuilder b = new StringBuilder("date,region,regionName,eventType,cumulativeConfirmed\n");
        for (int i = 0; i < totals.length; i++) {
            b.append(LocalDate.of(2024, 3, 1).plusDays(i)).append(",A,甲县,flu,").append(totals[i]).append('\n');
        }
        return b.toString();
    }

    private static Timeline read(String csv) {
        return TimelineCsv.read(new StringReader(csv), "t.csv", TimelineCsv.Options.defaults());
    }

    private static Summary replay(Timeline t, List<Replayer.Arm> arms, ActualLevels actual, List<Step> into) {
        return new Replayer(arms, actual, 2).run(t, into::addAll);
    }

    private static List<String> changes(Summary s) {
        return s.transitions().stream().map(t -> t.date() + " " + t.kind() + " " + (t.to() == null ? "none"
                : t.to().numeral())).toList();
    }

    @Test
    void aTimelineAtTheLevelsTheDictionaryDeclaresIsReplayedAtThoseLevels() {
        StringBuilder csv = new StringBuilder("date,region,level,eventType,cumulativeConfirmed\n");
        for (int i = 0; i < 10; i++) {
            LocalDate d = LocalDate.of(2024, 3, 1).plusDays(i);
            csv.append(d).append(",C,County,flu,").append(i * 2).append('\n');
            csv.append(d).append(",S,state,flu,").append(i * 2).append('\n');
        }
        CompiledRuleSet rules = Workbooks.compiled(WorkbookBuilder.statesAndCounties());
        Timeline t = TimelineCsv.read(new StringReader(csv.toString()), "t.csv",
                TimelineCsv.Options.defaults().withLevels(rules.dictionary().regionLevels()));
        assertThat(t.regions()).extracting(Timeline.Series::level).containsExactly("county", "state");
        Summary s = replay(t, List.of(Replayer.Arm.pinned("v1", rules)), null, new ArrayList<>());
        assertThat(s.transitions()).extracting(Transition::region).containsOnly("C");
    }

    @Test
    void raisesAtOnceLowersByTheExpertsRowsAndEndsByTheTerminationRow() {
        List<Step> steps = new ArrayList<>();
        Summary s = replay(read(OUTBREAK), List.of(Replayer.Arm.pinned("v1", rules(3))), null, steps);
        assertThat(changes(s)).containsExactly(
                "2024-03-02 activate Ⅳ", "2024-03-04 raise Ⅲ", "2024-03-07 raise Ⅱ",
                "2024-03-13 lower Ⅲ", "2024-03-16 lower Ⅳ", "2024-03-21 end none");
        Transition lower = s.transitions().get(3);
        assertThat(lower.rows()).containsExactly("Down!R6");
        assertThat(lower.reasons()).contains("newCases7d < 20: 17", "daysAtCurrentLevel ≥ 3: 6");
        assertThat(s.transitions().get(5).reasons()).contains("daysWithoutNewCase ≥ 10: 10");
        assertThat(steps).hasSize(30);
        assertThat(steps.get(9).arms().get(0).level()).isEqualTo(Grade.II);
        assertThat(steps.get(9).indicators()).containsEntry("newCases7d", java.math.BigDecimal.valueOf(28));
        assertThat(s.arms().get(0).levelSteps()).containsEntry("Ⅱ", 6L).containsEntry("none", 11L);
    }

    @Test
    void stepsTransitionsProgressAndTheSummaryReachEveryListenerAsEvents() {
        List<String> heard = new ArrayList<>();
        Replayer.Listener listener = new Replayer.Listener() {
            @Override
            public void region(List<Step> steps) {
                heard.add("region " + steps.size());
            }

            @Override
            public void transition(Transition t) {
                heard.add("transition " + t.date() + " " + t.kind());
            }

            @Override
            public void progress(long done, long total) {
                heard.add("progress " + done + "/" + total);
            }

            @Override
            public void finished(Summary summary) {
                heard.add("finished " + summary.transitions().size());
            }
        };
        List<Long> done = new ArrayList<>();
        Summary s = new Replayer(List.of(Replayer.Arm.pinned("v1", rules(3))), null, 2).run(read(OUTBREAK), listener,
                Replayer.Listener.onProgress(done::add));

        List<String> expected = new ArrayList<>(List.of("region 30"));
        s.transitions().forEach(t -> expected.add("transition " + t.date() + " " + t.kind()));
        expected.addAll(List.of("progress 30/30", "finished 6"));
        assertThat(heard).containsExactlyElementsOf(expected);
        assertThat(done).containsExactly(30L);
    }

    @Test
    void twoVersionsAreComparedDayByDay() {
        Summary s = replay(read(OUTBREAK), List.of(Replayer.Arm.pinned("fast", rules(3)),
                Replayer.Arm.pinned("slow", rules(6))), null, new ArrayList<>());
        assertThat(s.divergences()).isNotEmpty().first().satisfies(d -> {
            assertThat(d.from()).isEqualTo(LocalDate.of(2024, 3, 16));
            assertThat(d.to()).isEqualTo(LocalDate.of(2024, 3, 18));
            assertThat(d.first()).isEqualTo(Grade.IV);
            assertThat(d.second()).isEqualTo(Grade.III);
        });
        Summary same = replay(read(OUTBREAK), List.of(Replayer.Arm.pinned("a", rules(3)),
                Replayer.Arm.pinned("b", rules(3))), null, new ArrayList<>());
        assertThat(same.divergences()).isEmpty();
    }

    @Test
    void theVersionInForceOnEachDateDecidesThatDate() {
        CompiledRuleSet early = rules(3).withId("v1");
        CompiledRuleSet late = rules(6).withId("v2");
        LocalDate switchDate = LocalDate.of(2024, 3, 10);
        Replayer.Arm inForce = new Replayer.Arm("in force", d -> d.isBefore(switchDate) ? early : late);
        List<Step> steps = new ArrayList<>();
        Summary s = replay(read(OUTBREAK), List.of(inForce), null, steps);
        assertThat(s.arms().get(0).ruleSets()).containsExactly("v1", "v2");
        assertThat(steps.get(8).arms().get(0).ruleSet()).isEqualTo("v1");
        assertThat(steps.get(9).arms().get(0).ruleSet()).isEqualTo("v2");
        assertThat(changes(s)).contains("2024-03-13 lower Ⅲ", "2024-03-19 lower Ⅳ");
    }

    @Test
    void comparesWithWhatWasActuallyDecidedIncludingWhatTheTablesNeverSaid() {
        ActualLevels actual = ActualLevels.read(new StringReader("""
                region,date,level,note
                A,2024-03-06,Ⅱ,raised by the county
                A,2024-03-20,Ⅲ,lowered
                A,2024-04-01,Ⅰ,never reached by the tables
                """), "actual.csv");
        Summary s = replay(read(OUTBREAK), List.of(Replayer.Arm.pinned("v1", rules(3))), actual,
                new ArrayList<>());
        List<ActualCheck> checks = s.actual().transitions();
        assertThat(checks).extracting(ActualCheck::lagDays).containsExactly(1L, -7L, null);
        assertThat(checks.get(2).note()).contains("never recommended level Ⅰ");
        assertThat(s.actual().daysCompared()).isEqualTo(30);
        assertThat(s.actual().agreement()).isBetween(0.0, 1.0);
    }

    @Test
    void aDerivedValueOutsideTheDictionaryIsReportedNotFatal() {
        String csv = timeline(new int[] {0, 2_000_000});
        List<Step> steps = new ArrayList<>();
        Summary s = replay(read(csv), List.of(Replayer.Arm.pinned("v1", rules(3))), null, steps);
        assertThat(steps.get(1).arms().get(0).problem()).contains("newCases7d");
        assertThat(s.arms().get(0).undecided()).isEqualTo(1);
        assertThat(s.issues()).extracting(DataIssue::code).contains("INVALID_SITUATION");
    }

    @Test
    void zhejiangCovid2020AgainstTheBundledTablesAndTheActualDecisions() throws IOException {
        CompiledRuleSet tables = new RuleSetCompiler().compile(WorkbookSource.readAll(Workbooks.root()
                .resolve("tables"))).ruleSet().orElseThrow();
        var folder = Workbooks.root().resolve("examples/timelines");
        Timeline t;
        try (Reader r = Files.newBufferedReader(folder.resolve("covid-2020-zhejiang-hubei-guangdong.csv"),
                StandardCharsets.UTF_8)) {
            t = TimelineCsv.read(r, "covid.csv", TimelineCsv.Options.defaults().withSource("canghailan"));
        }
        ActualLevels actual;
        try (Reader r = Files.newBufferedReader(folder.resolve("covid-2020-response-levels.csv"),
                StandardCharsets.UTF_8)) {
            actual = ActualLevels.read(r, "levels.csv");
        }
        Summary s = replay(t, List.of(Replayer.Arm.pinned("v1", tables)), actual, new ArrayList<>());
        List<String> zhejiang = s.transitions().stream().filter(x -> x.region().equals("330000"))
                .map(x -> x.date() + " " + x.kind() + " " + (x.to() == null ? "none" : x.to().numeral())).toList();
        assertThat(zhejiang).startsWith("2020-01-21 activate Ⅳ", "2020-01-22 raise Ⅲ", "2020-01-23 raise Ⅱ",
                "2020-01-25 raise Ⅰ", "2020-02-15 lower Ⅱ");
        ActualCheck firstLowering = s.actual().transitions().stream()
                .filter(c -> c.region().equals("330000") && c.to() == Grade.II).findFirst().orElseThrow();
        assertThat(firstLowering.date()).isEqualTo(LocalDate.of(2020, 3, 2));
        assertThat(firstLowering.lagDays()).as("the tables lowered 16 days before the province did").isEqualTo(-16);
        assertThat(s.issues()).anySatisfy(i -> assertThat(i.where()).isEqualTo("420000 2020-01-03"));
    }

    @Test
    void guangdongDengue2014AgainstTheFiveYearBaseline() throws IOException {
        CompiledRuleSet tables = new RuleSetCompiler().compile(WorkbookSource.readAll(Workbooks.root()
                .resolve("tables"))).ruleSet().orElseThrow();
        Timeline t;
        try (Reader r = Files.newBufferedReader(Workbooks.root().resolve(
                "examples/timelines/dengue-guangdong-monthly-2004-2020.csv"), StandardCharsets.UTF_8)) {
            t = TimelineCsv.read(r, "dengue.csv", TimelineCsv.Options.defaults().withStep(Timeline.Step.MONTH)
                    .withMissingDays(Timeline.MissingDays.ZERO_FILL));
        }
        List<Step> steps = new ArrayList<>();
        Summary s = replay(t, List.of(Replayer.Arm.pinned("v1", tables)), null, steps);
        List<String> in2014 = s.transitions().stream().filter(x -> x.date().getYear() == 2014)
                .map(x -> x.date() + " " + x.kind() + " " + (x.to() == null ? "none" : x.to().numeral())).toList();
        assertThat(in2014).as("the epidemic year: raised in June (24 cases, above 3× the baseline), kept to the "
                + "end of the year").last().isEqualTo("2014-06-01 activate Ⅱ");
        Step july = steps.stream().filter(x -> x.date().equals(LocalDate.of(2014, 7, 1))).findFirst().orElseThrow();
        assertThat(((java.math.BigDecimal) july.indicators().get("ratioTo5yMean")).doubleValue())
                .as("252 cases against a 5-year July mean of 33.4").isBetween(7.5, 7.6);
        assertThat(july.arms().get(0).level()).isEqualTo(Grade.II);
        Step september = steps.stream().filter(x -> x.date().equals(LocalDate.of(2014, 9, 1))).findFirst()
                .orElseThrow();
        assertThat(((java.math.BigDecimal) september.indicators().get("ratioTo5yMean")).doubleValue())
                .isBetween(102.0, 104.0);
        assertThat(t.issues()).extracting(DataIssue::code).contains("MISSING_DAYS");
    }
    @Test
    void stepsCsvGivesRegionNamesFromTheTimelineToASpreadsheetAsTextNotAsFormulas() throws IOException {
        List<String> names = List.of("=cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil.example\",\"click\")", "+1+1",
                "@SUM(1,2)");
        StringBuilder csv = new StringBuilder("date,region,regionName,eventType,cumulativeConfirmed\n");
        for (int r = 0; r < names.size(); r++) {
            csv.append("2024-03-01,").append(r == 2 ? "-" + r : "R" + r).append(",\"")
                    .append(names.get(r).replace("\"", "\"\"")).append("\",flu,12\n");
        }
        java.io.StringWriter steps = new java.io.StringWriter();
        Timeline timeline = read(csv.toString());
        new Replayer(List.of(Replayer.Arm.pinned("v1", rules(3))), null, 2).run(timeline,
                new ReplayCsvWriter(steps, List.of("v1"), DerivedIndicators.columns(timeline)), new ReplayReport(10));

        List<org.apache.commons.csv.CSVRecord> rows;
        try (var p = org.apache.commons.csv.CSVParser.builder().setReader(new StringReader(steps.toString()))
                .setFormat(org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                        .get()).get()) {
            rows = p.getRecords();
        }
        assertThat(rows).extracting(r -> r.get("regionName"))
                .containsExactlyElementsOf(names.stream().map(n -> "'" + n).toList());
        assertThat(rows).extracting(r -> r.get("region")).containsExactly("R0", "R1", "'-2", "R3");
        assertThat(steps.toString()).as("each escaped cell is quoted; the count stays a bare number")
                .contains("\"'-2\",\"'+1+1\",2024-03-01,12,");
    }

    @Test
    void countsAtTheUpperLimitAreReplayedToTheLastStep() throws IOException {
        CompiledRuleSet tables = new RuleSetCompiler().compile(WorkbookSource.readAll(Workbooks.root()
                .resolve("tables"))).ruleSet().orElseThrow();
        StringBuilder daily = new StringBuilder("date,region,regionName,eventType,cumulativeConfirmed,deaths\n");
        for (int d = 0; d < 40; d++) {
            String total = d % 3 == 1 ? "0" : "1e9";
            daily.append(LocalDate.of(2020, 1, 1).plusDays(d)).append(",330000,浙江省,covid19,").append(total)
                    .append(",").append(d % 2 == 0 ? "1000000000" : "0.000001").append('\n');
        }
        StringBuilder monthly = new StringBuilder("date,region,regionName,eventType,cases\n");
        for (int m = 0; m < 72; m++) {
            monthly.append(LocalDate.of(2009, 1, 1).plusMonths(m)).append(",440000,广东省,dengue,")
                    .append(m < 60 ? "0.000001" : "1e9").append('\n');
        }
        for (Timeline t : List.of(read(daily.toString()), TimelineCsv.read(new StringReader(monthly.toString()),
                "m.csv", TimelineCsv.Options.defaults().withStep(Timeline.Step.MONTH)))) {
            java.io.StringWriter steps = new java.io.StringWriter();
            ReplayReport report = new ReplayReport(10);
            Summary s = new Replayer(List.of(Replayer.Arm.pinned("v1", tables)), null, 2).run(t,
                    new ReplayCsvWriter(steps, List.of("v1"), DerivedIndicators.columns(t)), report);
            assertThat(s.steps()).isEqualTo(t.steps());
            report.write(s, java.util.Map.of(), java.io.OutputStream.nullOutputStream());
            assertThat(steps.toString().lines()).hasSize((int) t.steps() + 1);
        }
    }
}
