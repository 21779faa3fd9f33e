package org.beacon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.beacon.rules.WorkbookBuilder;
import org.beacon.rules.Workbooks;
import org.junit.jupiter.api.Test;

/** What a reviewer sees from {@code beacon replay}, the files it leaves, and the exit status scripts see. */
class ReplayCommandTest extends CommandTest {

    private static String tables() {
        return Workbooks.root().resolve("tables").toString();
    }

    private static String timeline(String name) {
        return Workbooks.root().resolve("examples/timelines").resolve(name).toString();
    }

    private static final String COVID = "covid-2020-zhejiang-hubei-guangdong.csv";

    @Test
    void replaysCovidAgainstTheActualDecisionsAndWritesStepsSummaryAndReport() throws Exception {
        Path dir = temp.resolve("covid");
        assertThat(run("replay", tables(), timeline(COVID), "--source", "canghailan", "--actual",
                timeline("covid-2020-response-levels.csv"), "--out", dir.toString())).isZero();
        assertThat(out()).contains("replayed 3 region(s), 509 region-days from 2020-01-01 to 2020-06-30")
                .contains("330000 浙江省 2020-01-25 raise Ⅱ → Ⅰ  CovidLevel!R8 (newCases7d ≥ 100: 104)")
                .contains("330000 浙江省 2020-03-02 Ⅰ → Ⅱ: recommended 2020-02-15 (lag -16), 16 days earlier than "
                        + "the actual decision")
                .containsPattern("agreement: \\d+\\.\\d% of 509 region-steps")
                .contains("WARNING CUMULATIVE_DECREASE 420000 2020-01-03")
                .contains("wrote " + dir.resolve("steps.csv"));
        assertThat(err()).as("the progress bar").contains("509/509");

        List<String> steps = Files.readAllLines(dir.resolve("steps.csv"));
        assertThat(steps.get(0)).startsWith("region,regionName,date,cumulativeConfirmed,deaths,newCases,newCases7d")
                .endsWith("ruleSet,decidedGrade,colour,level,transition,problem,actualLevel");
        assertThat(steps).hasSize(510).anySatisfy(l -> assertThat(l).startsWith("330000,浙江省,2020-01-25,")
                .contains(",Ⅰ,raise,,Ⅰ"));
        assertThat(Files.readString(dir.resolve("summary.json"))).contains("\"first\" : \"2020-01-01\"")
                .contains("\"lagDays\" : -16").contains("\"kind\" : \"lower\"");
        try (InputStream in = Files.newInputStream(dir.resolve("report.xlsx"));
                XSSFWorkbook report = new XSSFWorkbook(in)) {
            assertThat(report.getSheet("Actual")).isNotNull();
            assertThat(report.getSheet("330000 浙江省").createDrawingPatriarch().getCharts()).hasSize(1);
        }
        assertThat(dir.resolve("steps.csv.part")).doesNotExist();
    }

    @Test
    void refusesATimelineMixingSourcesAndWritesNothing() {
        Path dir = temp.resolve("mixed");
        assertThat(run("replay", tables(), timeline(COVID), "--out", dir.toString()))
                .isEqualTo(BeaconCommand.WORKBOOK_ERRORS);
        assertThat(err()).contains("ERROR SEVERAL_SOURCES " + COVID + ": the file mixes 2 sources (canghailan: ")
                .contains("pin one source with --source").contains("nothing written");
        assertThat(out()).isEmpty();
        assertThat(dir).doesNotExist();
    }

    @Test
    void refusesGapsWithoutAPolicyNamingTheOption() {
        Path dir = temp.resolve("gaps");
        assertThat(run("replay", tables(), timeline("dengue-guangdong-monthly-2004-2020.csv"), "--step", "month",
                "--out", dir.toString())).isEqualTo(BeaconCommand.WORKBOOK_ERRORS);
        assertThat(err()).contains("ERROR MISSING_DAYS 440000: 27 missing between 2004-07-01 and 2020-12-01")
                .contains("--missing-days zero-fill or carry-forward");
        assertThat(dir).doesNotExist();
    }

    @Test
    void replaysDengueMonthByMonthAgainstTheFiveYearMean() throws Exception {
        Path dir = temp.resolve("dengue");
        assertThat(run("replay", tables(), timeline("dengue-guangdong-monthly-2004-2020.csv"), "--step", "month",
                "--missing-days", "zero-fill", "--out", dir.toString())).isZero();
        assertThat(out()).contains("198 region-months from 2004-07-01 to 2020-12-01")
                .containsPattern("440000 广东省 2014-06-01 activate — → Ⅱ  BaselineLevel!R\\d+ \\(.*cases ≥ 20: 24;"
                        + " ratioTo5yMean ≥ 3")
                .contains("WARNING MISSING_DAYS 440000: 27 missing, filled by");
        List<String> steps = Files.readAllLines(dir.resolve("steps.csv"));
        assertThat(steps.get(0)).startsWith("region,regionName,date,cases,deaths,ratioTo5yMean,");
        assertThat(steps).as("July 2014: 252 cases, 7.5 times the mean of July 2009–2013, level Ⅱ")
                .anySatisfy(l -> assertThat(l).startsWith("440000,广东省,2014-07-01,252,0,7.5449,")
                        .endsWith(",Ⅱ,orange,Ⅱ,,,"));
    }

    @Test
    void comparesTwoRuleSetsAndShowsWhereTheyDisagree() throws Exception {
        Path draft = Files.createDirectories(temp.resolve("draft"));
        try (InputStream in = Files.newInputStream(Workbooks.root().resolve("tables/escalation.xlsx"));
                XSSFWorkbook wb = new XSSFWorkbook(in);
                OutputStream changed = Files.newOutputStream(draft.resolve("escalation.xlsx"))) {
            Row minDays = wb.getSheet("Parameters").getRow(5);
            assertThat(minDays.getCell(0).getStringCellValue()).isEqualTo("stepDown_minDays");
            minDays.getCell(1).setCellValue(21);
            wb.removeSheetAt(wb.getSheetIndex("Tests"));
            wb.write(changed);
        }
        Path dir = temp.resolve("compared");
        assertThat(run("replay", tables(), timeline(COVID), "--source=canghailan", "--compare", draft.toString(),
                "--out", dir.toString())).isZero();
        assertThat(out()).contains("transitions (draft): ")
                .containsPattern("divergences: [1-9]\\d* period\\(s\\) where tables and draft recommend different");
        assertThat(Files.readAllLines(dir.resolve("steps.csv")).get(0)).contains("tables.level", "draft.level");
        try (InputStream in = Files.newInputStream(dir.resolve("report.xlsx"));
                XSSFWorkbook report = new XSSFWorkbook(in)) {
            Row first = report.getSheet("Divergences").getRow(1);
            assertThat(first).as("a lowering 14 days at a level, the draft waits 21").isNotNull();
            assertThat(first.getCell(4).getStringCellValue()).isNotEqualTo(first.getCell(5).getStringCellValue());
        }
    }

    @Test
    void refusesTablesWithErrorsBeforeWritingAnything() throws Exception {
        Path broken = Files.createDirectories(temp.resolve("broken"));
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("Cholera").row("Table", "Cholera").row("Hit policy", "first match").blank()
                .row("IF cases", "THEN grade").row("lots", "Ⅱ");
        Files.write(broken.resolve("broken.xlsx"), b.bytes());
        Path dir = temp.resolve("out");
        assertThat(run("replay", broken.toString(), timeline(COVID), "--source", "canghailan", "--out",
                dir.toString())).isEqualTo(BeaconCommand.WORKBOOK_ERRORS);
        assertThat(out()).contains("Cholera!A5 ERROR WRONG_TYPE");
        assertThat(err()).contains("have errors; fix them before replaying");
        assertThat(dir).doesNotExist();
    }

    @Test
    void explainsBadOptionsAsUsageErrors() {
        Path dir = temp.resolve("out");
        assertThat(run("replay", tables(), timeline(COVID), "--step", "week", "--out", dir.toString()))
                .isEqualTo(BeaconCommand.USAGE);
        assertThat(err()).contains("--step is day or month, not 'week'").contains("beacon replay <tables>");
        assertThat(run("replay", tables(), timeline(COVID), "--missing-days", "guess"))
                .isEqualTo(BeaconCommand.USAGE);
        assertThat(run("replay", tables(), timeline(COVID), "--source")).isEqualTo(BeaconCommand.USAGE);
        assertThat(err()).contains("--source needs a value");
        assertThat(run("replay", tables())).isEqualTo(BeaconCommand.USAGE);
        assertThat(run("replay", tables(), temp.resolve("nope.csv").toString())).isEqualTo(BeaconCommand.USAGE);
        assertThat(err()).contains("nope.csv does not exist");
        assertThat(dir).doesNotExist();
    }
}
