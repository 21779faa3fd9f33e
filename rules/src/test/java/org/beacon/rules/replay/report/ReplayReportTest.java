package org.beacon.rules.replay.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.RuleSetCompiler;
import org.beacon.rules.Workbooks;
import org.beacon.rules.model.WorkbookSource;
import org.beacon.rules.replay.ActualLevels;
import org.beacon.rules.replay.ReplayResult;
import org.beacon.rules.replay.ReplayResult.Summary;
import org.beacon.rules.replay.Replayer;
import org.beacon.rules.replay.Timeline;
import org.beacon.rules.replay.TimelineCsv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a reviewer sees when opening the report of the COVID-19 replay in Excel. */
class ReplayReportTest {

    private static final Path TIMELINES = Workbooks.root().resolve("examples/timelines");
    private static final DataFormatter TEXT = new DataFormatter();

    private static CompiledRuleSet tables;

    @BeforeAll
    static void compileTables() {
        tables = new RuleSetCompiler().compile(WorkbookSource.readAll(Workbooks.root().resolve("tables")))
                .ruleSet().orElseThrow().withId("v1");
    }

    private static XSSFWorkbook covidReport(int charted, CompiledRuleSet... arms) throws IOException {
        Timeline timeline;
        try (Reader r = Files.newBufferedReader(TIMELINES.resolve("covid-2020-zhejiang-hubei-guangdong.csv"))) {
            timeline = TimelineCsv.read(r, "covid.csv", TimelineCsv.Options.defaults().withSource("canghailan"));
        }
        ActualLevels actual;
        try (Reader r = Files.newBufferedReader(TIMELINES.resolve("covid-2020-response-levels.csv"))) {
            actual = ActualLevels.read(r, "actual.csv");
        }
        List<Replayer.Arm> list = new ArrayList<>();
        for (CompiledRuleSet rs : arms) {
            list.add(Replayer.Arm.pinned(rs.id(), rs));
        }
        ReplayReport report = new ReplayReport(charted);
        Summary summary = new Replayer(list, actual, 2).run(timeline, report);
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("timeline", "covid.csv");
        inputs.put("source", "canghailan");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.write(summary, inputs, bytes);
        return new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()));
    }

    /** The rows of a sheet as a reviewer reads them (formatted text, dates as yyyy-mm-dd). */
    private static List<List<String>> rows(Sheet sheet) {
        List<List<String>> out = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.getLastCellNum(); c++) {
                Cell cell = row.getCell(c);
                cells.add(cell == null ? "" : TEXT.formatCellValue(cell));
            }
            out.add(cells);
        }
        return out;
    }

    @Test
    void listsEachActualChangeWithTheRecommendedDateAndLag() throws IOException {
        try (XSSFWorkbook wb = covidReport(10, tables)) {
            List<List<String>> actual = rows(wb.getSheet("Actual"));
            assertThat(actual).anySatisfy(r -> assertThat(r.subList(0, 4))
                    .containsExactly("330000", "浙江省", "2020-03-02", "Ⅰ → Ⅱ"));
            Row zhejiang = find(wb.getSheet("Actual"), "330000", LocalDate.of(2020, 3, 2));
            assertThat(zhejiang.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(zhejiang.getCell(5).getNumericCellValue()).isNegative();
            assertThat(zhejiang.getCell(6).getStringCellValue()).endsWith("earlier than the actual decision");
            assertThat(actual).as("every actual change is listed, matched or not").filteredOn(r -> r.size() > 3
                    && r.get(3).contains("→")).hasSize(10);
            assertThat(actual).anySatisfy(r -> assertThat(r).first().asString().contains("agreement"));
        }
    }

    @Test
    void listsEveryTransitionWithItsRowsAndReasons() throws IOException {
        try (XSSFWorkbook wb = covidReport(10, tables)) {
            List<List<String>> transitions = rows(wb.getSheet("Transitions"));
            assertThat(transitions.get(0)).contains("变化 kind", "依据 reasons");
            assertThat(transitions).anySatisfy(r -> {
                assertThat(r.get(0)).isEqualTo("330000");
                assertThat(r.get(4)).isEqualTo("lower");
                assertThat(r.get(7)).contains("!R");
                assertThat(r.get(8)).contains(": ");
            });
            assertThat(transitions).anySatisfy(r -> assertThat(r).startsWith("330000", "浙江省", "2020-01-25", "v1",
                    "raise"));
        }
    }

    @Test
    void chartsEachRegionsRecommendedAndActualLevelOverTime() throws IOException {
        try (XSSFWorkbook wb = covidReport(10, tables)) {
            XSSFSheet zhejiang = wb.getSheet("330000 浙江省");
            assertThat(zhejiang).as("sheets: %s", sheetNames(wb)).isNotNull();
            List<XSSFChart> charts = zhejiang.createDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(1);
            assertThat(charts.get(0).getTitleText().getString())
                    .isEqualTo("浙江省 330000: newCases7d and level, recommended vs actual");
            List<XDDFChartData> plotted = charts.get(0).getChartSeries();
            assertThat(plotted).as("levels on one axis, the indicator on its own").hasSize(2);
            assertThat(ranges(plotted.get(0))).containsExactly("'330000 浙江省'!$C$2:$C$164", "'330000 浙江省'!$D$2:$D$164");
            assertThat(ranges(plotted.get(1))).containsExactly("'330000 浙江省'!$B$2:$B$164");
            assertThat(rows(zhejiang).get(0)).containsExactly("日期 date", "newCases7d", "推荐 recommended v1",
                    "实际 actual");
            Row day = find(zhejiang, null, LocalDate.of(2020, 1, 25));
            assertThat(DateUtil.isCellDateFormatted(day.getCell(0))).isTrue();
            assertThat(day.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(day.getCell(2).getNumericCellValue()).as("recommended Ⅰ").isEqualTo(4);
            assertThat(day.getCell(3).getNumericCellValue()).as("actual Ⅰ since 2020-01-23").isEqualTo(4);
            assertThat(sheetNames(wb)).contains("Summary", "Transitions", "Actual", "Data issues")
                    .doesNotContain("Divergences");
        }
    }

    @Test
    void chartsOnlyTheFirstRegionsAsked() throws IOException {
        try (XSSFWorkbook wb = covidReport(1, tables)) {
            assertThat(sheetNames(wb)).containsExactly("Summary", "Transitions", "Actual", "Data issues",
                    "440000 广东省");
        }
    }

    @Test
    void summarisesTheRunWithArmsLevelsAndAgreement() throws IOException {
        try (XSSFWorkbook wb = covidReport(10, tables)) {
            Map<String, String> summary = new LinkedHashMap<>();
            rows(wb.getSheet("Summary")).forEach(r -> summary.put(r.get(0), r.size() > 1 ? r.get(1) : ""));
            assertThat(summary).containsEntry("timeline", "covid.csv").containsEntry("source", "canghailan")
                    .containsEntry("步长 step", "day").containsEntry("地区 regions", "3")
                    .containsEntry("首日 first date", "2020-01-01").containsEntry("方案 arm", "v1")
                    .containsEntry("规则集 rule sets used", "v1").containsKey("级别步数 steps at level Ⅰ");
            assertThat(summary.get("与实际一致 agreement with actual decisions")).matches("\\d{1,3}\\.\\d%");
        }
    }

    @Test
    void showsWhereTwoRuleSetsDisagree() throws IOException {
        try (XSSFWorkbook wb = covidReport(1, tables, tables.withId("v2"))) {
            List<List<String>> divergences = rows(wb.getSheet("Divergences"));
            assertThat(divergences.get(0)).containsExactly("地区 region", "名称 name", "自 from", "至 to", "A v1",
                    "B v2");
            assertThat(divergences).as("the same tables never disagree").hasSize(1);
            assertThat(rows(wb.getSheet("440000 广东省")).get(0)).contains("推荐 recommended v1",
                    "推荐 recommended v2");
        }
    }

    @Test
    void keepsSheetNamesSafeShortAndUnique() throws IOException {
        List<ReplayResult.Step> steps = List.of(new ReplayResult.Step("1", "a/b:c*d?[e]", LocalDate.of(2020, 1, 1),
                Map.of(), List.of(), null));
        List<ReplayResult.Step> long1 = List.of(new ReplayResult.Step("2", "x".repeat(40), LocalDate.of(2020, 1, 1),
                Map.of(), List.of(), null));
        ReplayReport report = new ReplayReport(3);
        report.region(steps);
        report.region(long1);
        report.region(long1);
        Summary summary = new Summary(Timeline.Step.DAY, 3, 3, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 1),
                List.of(new ReplayResult.ArmSummary("v1", List.of("v1"), Map.of(), 0)), List.of(), List.of(), null,
                List.of(), 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.write(summary, Map.of(), bytes);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(sheetNames(wb)).containsExactly("Summary", "Transitions", "Data issues", "1 a_b_c_d__e_",
                    "2 " + "x".repeat(29), "2 " + "x".repeat(25) + " (2)");
        }
    }

    @Test
    void keepsRegionNamesThatLookLikeFormulasAsTextCells() throws IOException {
        String name = "=HYPERLINK(\"http://evil.example\",\"click\")";
        StringBuilder csv = new StringBuilder("date,region,regionName,eventType,cumulativeConfirmed\n");
        for (int d = 0; d < 20; d++) {
            csv.append(LocalDate.of(2020, 1, 20).plusDays(d)).append(",=1+1,\"").append(name.replace("\"", "\"\""))
                    .append("\",covid19,").append(d * d * 10).append('\n');
        }
        Timeline timeline = TimelineCsv.read(new java.io.StringReader(csv.toString()), "t.csv",
                TimelineCsv.Options.defaults());
        ReplayReport report = new ReplayReport(10);
        Summary summary = new Replayer(List.of(Replayer.Arm.pinned("v1", tables)), null, 2).run(timeline, report);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.write(summary, Map.of("timeline", "@SUM(1,2)"), bytes);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            List<Cell> hostile = new ArrayList<>();
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as(sheet.getSheetName() + "!" + cell.getAddress())
                                .isNotEqualTo(CellType.FORMULA);
                        if (cell.getCellType() == CellType.STRING && (cell.getStringCellValue().equals(name)
                                || cell.getStringCellValue().equals("=1+1"))) {
                            hostile.add(cell);
                        }
                    }
                }
            }
            assertThat(hostile).as("the names are there, as typed, in the transitions and the chart sheet")
                    .hasSizeGreaterThan(2);
        }
    }

    private static List<String> ranges(XDDFChartData data) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < data.getSeriesCount(); i++) {
            out.add(data.getSeries(i).getValuesData().getDataRangeReference());
        }
        return out;
    }

    private static List<String> sheetNames(XSSFWorkbook wb) {
        List<String> names = new ArrayList<>();
        wb.forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    /** The row whose date cell (column 0, or the third column when a region is given) holds {@code date}. */
    private static Row find(Sheet sheet, String region, LocalDate date) {
        int dateColumn = region == null ? 0 : 2;
        for (Row row : sheet) {
            Cell d = row.getCell(dateColumn);
            if (d != null && d.getCellType() == CellType.NUMERIC && d.getLocalDateTimeCellValue().toLocalDate()
                    .equals(date) && (region == null || region.equals(row.getCell(0).getStringCellValue()))) {
                return row;
            }
        }
        throw new AssertionError("no row for " + region + " " + date + " in " + sheet.getSheetName());
    }
}
