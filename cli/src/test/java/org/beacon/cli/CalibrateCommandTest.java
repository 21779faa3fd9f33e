package org.beacon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.beacon.rules.Workbooks;
import org.junit.jupiter.api.Test;

/** What an epidemiologist sees from {@code beacon calibrate}, the files it leaves, and what it refuses. */
class CalibrateCommandTest extends CommandTest {

    private static final String COVID = "covid-2020-zhejiang-hubei-guangdong.csv";

    private static String tables() {
        return Workbooks.root().resolve("tables").toString();
    }

    private static String timeline(String name) {
        return Workbooks.root().resolve("examples/timelines").resolve(name).toString();
    }

    private int calibrate(Path dir, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("calibrate", tables(), timeline(COVID), "--source",
                "canghailan", "--actual", timeline("covid-2020-response-levels.csv"), "--out", dir.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void ranksTwoParametersOverTheCovidExampleAndNamesTheCellsToChange() throws Exception {
        Path dir = temp.resolve("calibration");
        assertThat(calibrate(dir, "--vary", "stepDown_minDays=14..28:14", "--vary",
                "covid_II_newCases7d=20..30:10")).isZero();

        assertThat(out()).contains("4 combination(s) of stepDown_minDays, covid_II_newCases7d; one took ")
                .contains("best 4 of 4 by weighted")
                .containsPattern("rank +stepDown_minDays +covid_II_newCases7d +score +agreement")
                .containsPattern("\\n  1 +\\d+ +\\d+ +\\d+\\.\\d\\d")
                .containsPattern("\\n  today +14 +30 +\\d+\\.\\d\\d")
                .contains("escalation.xlsx Parameters!B6 = ")
                .contains("escalation.xlsx Parameters!B4 = ")
                .contains("wrote " + dir.resolve("calibration.csv"));
        assertThat(err()).as("the progress bar").contains("4/4");
        List<String> csv = Files.readAllLines(dir.resolve("calibration.csv"));
        assertThat(csv).hasSize(1 + 4 + 1);
        assertThat(csv.get(0)).startsWith("rank,stepDown_minDays,covid_II_newCases7d,score,meanAbsLagDays");
        assertThat(csv.get(5)).startsWith("today,14,30,");
        try (InputStream in = Files.newInputStream(dir.resolve("calibration.xlsx"));
                XSSFWorkbook xlsx = new XSSFWorkbook(in)) {
            assertThat(xlsx.getSheet("Heat map").getSheetConditionalFormatting().getNumConditionalFormattings())
                    .isEqualTo(1);
            assertThat(xlsx.getSheet("Ranking").getLastRowNum()).isEqualTo(5);
        }
    }

    @Test
    void refusesAnUnknownParameterNamingTheCloseOneAndWritesNothing() {
        Path dir = temp.resolve("unknown");
        assertThat(calibrate(dir, "--vary", "stepDown_minDay=7..28:7")).isEqualTo(BeaconCommand.USAGE);
        assertThat(err()).contains("unknown parameter 'stepDown_minDay'").contains("did you mean stepDown_minDays")
                .contains("nothing written");
        assertThat(out()).isEmpty();
        assertThat(dir).doesNotExist();
    }

    @Test
    void refusesAnEmptyRangeBeforeReadingAnything() {
        Path dir = temp.resolve("empty");
        assertThat(calibrate(dir, "--vary", "stepDown_minDays=28..7:7")).isEqualTo(BeaconCommand.USAGE);
        assertThat(err().lines().findFirst().orElseThrow())
                .isEqualTo("beacon: the range of stepDown_minDays is empty: 28 is above 7");
        assertThat(dir).doesNotExist();
    }

    @Test
    void refusesTenThousandCombinationsOverTheCapBeforeAnyWork() {
        Path dir = temp.resolve("cap");
        assertThat(calibrate(dir, "--vary", "stepDown_minDays=1..100:1", "--vary",
                "covid_I_newCases7d=1..100:1")).isEqualTo(BeaconCommand.USAGE);
        assertThat(err()).contains("10000 combinations").contains("over the cap of 500");
        assertThat(out()).isEmpty();
        assertThat(dir).doesNotExist();
    }

    @Test
    void refusesAnUnreadableTimelineWithItsLineAndWritesNothing() throws Exception {
        Path bad = temp.resolve("bad.csv");
        Files.writeString(bad, "date,region,eventType,cumulativeConfirmed\n2020-13-01,330000,covid19,4\n");
        Path dir = temp.resolve("bad");
        assertThat(run("calibrate", tables(), bad.toString(), "--actual", timeline("covid-2020-response-levels.csv"),
                "--vary", "stepDown_minDays=7..14:7", "--out", dir.toString()))
                .isEqualTo(BeaconCommand.WORKBOOK_ERRORS);
        assertThat(err()).contains("bad.csv:2").contains("nothing written");
        assertThat(dir).doesNotExist();
    }

    @Test
    void refusesTablesThatDoNotExistAndACalibrationWithoutActualDecisions() {
        Path dir = temp.resolve("none");
        assertThat(run("calibrate", temp.resolve("no-tables").toString(), timeline(COVID), "--actual",
                timeline("covid-2020-response-levels.csv"), "--vary", "stepDown_minDays=7..14:7", "--out",
                dir.toString())).isEqualTo(BeaconCommand.USAGE);
        assertThat(err()).contains("no-tables does not exist");
        assertThat(run("calibrate", tables(), timeline(COVID), "--vary", "stepDown_minDays=7..14:7", "--out",
                dir.toString())).isEqualTo(BeaconCommand.USAGE);
        assertThat(err()).contains("calibrate needs the actual decisions");
        assertThat(run("calibrate", tables(), timeline(COVID), "--actual", timeline("covid-2020-response-levels.csv"),
                "--objective", "fastest", "--vary", "stepDown_minDays=7..14:7")).isEqualTo(BeaconCommand.USAGE);
        assertThat(err()).contains("--objective is weighted, agreement or lag, not 'fastest'");
        assertThat(dir).doesNotExist();
    }

    @Test
    void calibratesInChineseWithTheSameFiguresAsInEnglish() {
        String[] one = {"--vary", "stepDown_minDays=14..14:7"};
        assertThat(calibrate(temp.resolve("en"), with(one, "--lang", "en"))).as(err()).isZero();
        String english = out();
        clearOutput();
        assertThat(calibrate(temp.resolve("zh"), with(one, "--lang", "zh"))).as(err()).isZero();
        String chinese = out();

        java.util.regex.Matcher en = java.util.regex.Pattern.compile("today's values: score (\\S+), agreement "
                + "(\\S+)%, mean \\|lag\\| (\\S+) days, (\\d+) never recommended, (\\d+) late").matcher(english);
        assertThat(en.find()).as(english).isTrue();
        assertThat(chinese).contains("当前取值：得分 " + en.group(1) + "，一致率 " + en.group(2) + "%，平均滞后 "
                        + en.group(3) + " 天（按绝对值），" + en.group(4) + " 次从未建议，" + en.group(5) + " 次升级偏晚")
                .contains("stepDown_minDays 共 1 种组合").contains("按 weighted（加权平均滞后天数，越低越好）排序")
                .containsPattern("排名 +stepDown_minDays +得分 +一致率").containsPattern("\\n  当前 +14 ")
                .contains("如采用最优组合，请在工作簿中填入")
                .containsPattern("escalation.xlsx Parameters!B\\d+ = 14   （stepDown_minDays，当前为 14）")
                .contains("已写出 " + temp.resolve("zh").resolve("calibration.csv"));
        assertThat(english).contains("to use the best").doesNotContainPattern("\\p{IsHan}");
        clearOutput();
        assertThat(calibrate(temp.resolve("none"), "--vary", "stepDown_minDay=7..28:7", "--lang", "zh"))
                .isEqualTo(BeaconCommand.USAGE);
        assertThat(err()).contains("未知参数“stepDown_minDay”").contains("是否应为 stepDown_minDays")
                .contains("未写出任何文件");
        clearOutput();
        assertThat(run("calibrate", tables(), timeline(COVID), "--vary", "stepDown_minDays=7..14:7", "--lang", "zh"))
                .isEqualTo(BeaconCommand.USAGE);
        assertThat(err()).contains("calibrate 需要实际决策作为比对依据").contains("用法：")
                .contains("对 Parameters 参数取值的每种组合各回放一次时间线");
        clearOutput();
        assertThat(calibrate(temp.resolve("none"), "--vary", "stepDown_minDays=28..7:7", "--lang", "zh"))
                .isEqualTo(BeaconCommand.USAGE);
        assertThat(err().lines().findFirst().orElseThrow()).isEqualTo("beacon：stepDown_minDays 的区间为空：28 大于 7");
    }

    private static String[] with(String[] first, String... more) {
        List<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
