package org.beacon.rules.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.beacon.rules.Compilation;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.RuleSetCompiler;
import org.beacon.rules.Workbooks;
import org.beacon.rules.calibration.report.CalibrationReport;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.WorkbookSource;
import org.beacon.rules.replay.ActualLevels;
import org.beacon.rules.replay.ReplayResult.Summary;
import org.beacon.rules.replay.Replayer;
import org.beacon.rules.replay.Timeline;
import org.beacon.rules.replay.TimelineCsv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    private static List<WorkbookSource> tables;
    private static Timeline covid;
    private static ActualLevels actual;

    @BeforeAll
    static void readTheCovidExample() throws IOException {
        tables = WorkbookSource.readAll(Workbooks.root().resolve("tables"));
        Path folder = Workbooks.root().resolve("examples/timelines");
        try (Reader r = Files.newBufferedReader(folder.resolve("covid-2020-zhejiang-hubei-guangdong.csv"),
                StandardCharsets.UTF_8)) {
            covid = TimelineCsv.read(r, "covid.csv", TimelineCsv.Options.defaults().withSource("canghailan"));
        }
        try (Reader r = Files.newBufferedReader(folder.resolve("covid-2020-response-levels.csv"),
                StandardCharsets.UTF_8)) {
            actual = ActualLevels.read(r, "levels.csv");
        }
    }

    private static Map<String, Object> weeklyCases(int n) {
        return Map.of("newCases7d", n);
    }

    @Test
    void aParameterOverriddenDecidesWithTheNewValueAndReportsTheTestsItWouldFailWithoutRefusing() {
        Compilation c = new RuleSetCompiler().compile("try", tables, Map.of("covid_III_newCases7d",
                new BigDecimal("20")));

        CompiledRuleSet rs = c.ruleSet().orElseThrow();
        assertThat(rs.evaluate(Workbooks.situation("covid19", weeklyCases(15))).grade()).isEqualTo(Grade.IV);
        assertThat(rs.evaluate(Workbooks.situation("covid19", weeklyCases(20))).grade()).isEqualTo(Grade.III);
        assertThat(c.tests()).filteredOn(t -> !t.passed()).extracting(t -> t.workbook() + " " + t.location())
                .as("the tests of 10 cases pinning Ⅲ, nothing else")
                .containsExactly("escalation.xlsx Tests!R7", "escalation.xlsx Tests!R17");
        assertThat(c.errors()).isEmpty();
        assertThat(rs.model().parameterCells()).containsEntry("covid_III_newCases7d",
                "escalation.xlsx Parameters!B5");
    }

    @Test
    void withoutOverridesAFailingTestStillRefusesTheTables() {
        Compilation today = new RuleSetCompiler().compile("today", tables, Map.of());
        assertThat(today.succeeded()).isTrue();
        assertThat(today.tests()).allMatch(t -> t.passed());
    }

    @Test
    void anOverrideOfAParameterNoSheetDeclaresIsAnError() {
        Compilation c = new RuleSetCompiler().compile("try", tables, Map.of("stepDown_minDay", BigDecimal.ONE));

        assertThat(c.succeeded()).isFalse();
        assertThat(c.errors()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("UNKNOWN_PARAMETER");
            assertThat(d.message()).contains("stepDown_minDay").contains("did you mean stepDown_minDays");
        });
    }

    @Test
    void aGridOverTheCapIsRefusedBeforeItsValuesAreListed() {
        List<ParameterRange> huge = List.of(ParameterRange.parse("stepDown_minDays=1..100:1"),
                ParameterRange.parse("covid_I_newCases7d=1..100:1"));
        assertThatThrownBy(() -> new ParameterGrid(huge, ParameterGrid.DEFAULT_MAX_COMBINATIONS))
                .hasMessageContaining("10000 combinations").hasMessageContaining("over the cap of 500");
        assertThatThrownBy(() -> new ParameterGrid(List.of(ParameterRange.parse("a=0..1e15:0.000001")), 500))
                .hasMessageContaining("over the cap of 500");
    }

    @Test
    void rangesThatAreEmptyOrMalformedAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> ParameterRange.parse("stepDown_minDays=28..7:7"))
                .hasMessage("the range of stepDown_minDays is empty: 28 is above 7");
        assertThatThrownBy(() -> ParameterRange.parse("stepDown_minDays=7..28:0"))
                .hasMessageContaining("step of stepDown_minDays must be above 0");
        assertThatThrownBy(() -> ParameterRange.parse("stepDown_minDays=7-28"))
                .hasMessageContaining("write name=from..to:step");
        assertThatThrownBy(() -> ParameterRange.parse("stepDown_minDays=seven..28:7"))
                .hasMessageContaining("'seven'");
    }

    @Test
    void aGridListsEveryCombinationWithTheFirstParameterSlowest() {
        ParameterGrid grid = new ParameterGrid(List.of(ParameterRange.parse("a=1..2:1"),
                ParameterRange.parse("b=0.5..1.5:0.5")), 500);
        List<String> all = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            all.add(grid.combination(i).toString());
        }
        assertThat(all).containsExactly("{a=1, b=0.5}", "{a=1, b=1}", "{a=1, b=1.5}", "{a=2, b=0.5}", "{a=2, b=1}",
                "{a=2, b=1.5}");
        assertThat(grid.unknownAmong(List.of("a"))).hasValueSatisfying(m -> assertThat(m.toString())
                .contains("unknown parameter 'b'"));
    }

    @Test
    void aSweepOverTheCovidExampleRanksEachCombinationByItsOwnReplay() {
        CompiledRuleSet today = new RuleSetCompiler().compile(tables).ruleSet().orElseThrow();
        ParameterGrid grid = new ParameterGrid(List.of(ParameterRange.parse("stepDown_minDays=14..42:14"),
                ParameterRange.parse("covid_I_newCases7d=50..100:50")), 500);
        Calibration calibration = new Calibration(new RuleSetCompiler(), tables, covid, actual, Objective.WEIGHTED,
                2);
        Calibration.Trial trial = calibration.trial(today);
        List<Long> progress = new ArrayList<>();
        Calibration.Outcome outcome = calibration.run(trial, grid, done -> {
            synchronized (progress) {
                progress.add(done);
            }
        });

        assertThat(outcome.ranked()).hasSize(6);
        assertThat(progress).hasSize(6).contains(6L);
        assertThat(outcome.ranked()).extracting(CombinationResult::score).isSorted();
        assertThat(trial.cells()).containsEntry("stepDown_minDays", "escalation.xlsx Parameters!B6");
        CombinationResult asToday = outcome.ranked().stream().filter(r -> r.parameters().equals(Map.of(
                "stepDown_minDays", new BigDecimal("14"), "covid_I_newCases7d", new BigDecimal("100"))))
                .findFirst().orElseThrow();
        Summary direct = new Replayer(List.of(Replayer.Arm.pinned("v1", today)), actual, 1).run(covid);
        assertThat(asToday.fit()).isEqualTo(trial.baseline().fit()).isEqualTo(HistoryFit.of(direct));
        assertThat(asToday.fit().agreement()).isEqualTo(direct.actual().agreement());
        CombinationResult longHold = outcome.ranked().stream().filter(r -> r.parameters().get("stepDown_minDays")
                .intValue() == 42 && r.parameters().get("covid_I_newCases7d").intValue() == 100).findFirst()
                .orElseThrow();
        assertThat(longHold.failedTests()).as("Tests!R11 lowers Ⅰ after 14 days")
                .contains("escalation.xlsx Tests!R11");
        assertThat(longHold.fit()).isNotEqualTo(asToday.fit());
    }

    @Test
    void theWeightedObjectiveWeighsALateEscalationThreeTimesAnEarlyStepDown() {
        CompiledRuleSet today = new RuleSetCompiler().compile(tables).ruleSet().orElseThrow();
        Summary s = new Replayer(List.of(Replayer.Arm.pinned("v1", today)), actual, 1).run(covid);
        double expected = 0;
        for (var c : s.actual().transitions()) {
            long lag = c.lagDays() == null ? java.time.temporal.ChronoUnit.DAYS.between(c.date(), s.last()) + 1
                    : c.lagDays();
            boolean raise = c.to() != null && (c.from() == null || c.to().isMoreSeriousThan(c.from()));
            expected += raise && lag > 0 ? 3 * lag : Math.abs(lag);
        }
        HistoryFit fit = HistoryFit.of(s);
        assertThat(fit.weightedLag()).isEqualTo(expected / s.actual().transitions().size());
        assertThat(Objective.WEIGHTED.score(fit)).isEqualTo(fit.weightedLag());
        assertThat(Objective.AGREEMENT.score(fit)).isEqualTo(1 - s.actual().agreement());
        assertThat(fit.lateEscalations()).as("Guangdong and Zhejiang reached Ⅰ 3 and 2 days after the provinces")
                .isEqualTo(2);
        assertThatThrownBy(() -> Objective.parse("fastest")).hasMessageContaining("weighted, agreement or lag");
    }

    @Test
    void theReportWritesOneCsvRowPerCombinationAndAHeatMapForTwoParameters() throws IOException {
        CompiledRuleSet today = new RuleSetCompiler().compile(tables).ruleSet().orElseThrow();
        ParameterGrid grid = new ParameterGrid(List.of(ParameterRange.parse("stepDown_minDays=14..21:7"),
                ParameterRange.parse("covid_II_newCases7d=20..30:10")), 500);
        Calibration calibration = new Calibration(new RuleSetCompiler(), tables, covid, actual, Objective.LAG, 2);
        Calibration.Outcome outcome = calibration.run(calibration.trial(today), grid, done -> { });
        CalibrationReport report = new CalibrationReport(outcome);

        StringWriter csv = new StringWriter();
        report.writeCsv(csv);
        assertThat(csv.toString().lines()).hasSize(1 + 4 + 1);
        assertThat(csv.toString().lines().findFirst().orElseThrow())
                .startsWith("rank,stepDown_minDays,covid_II_newCases7d,score,");
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        report.writeXlsx(Map.of("timeline", "covid.csv"), xlsx);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            assertThat(wb.getSheet("Heat map").getSheetConditionalFormatting().getNumConditionalFormattings())
                    .isEqualTo(1);
            assertThat(wb.getSheet("Heat map").getRow(2).getCell(2).getNumericCellValue())
                    .as("stepDown_minDays 14, covid_II 30: today's values")
                    .isEqualTo(Math.round(outcome.baseline().score() * 1000) / 1000.0);
            assertThat(wb.getSheet("Summary").getRow(8).getCell(1).getStringCellValue())
                    .isEqualTo("escalation.xlsx Parameters!B6");
        }
    }
}
