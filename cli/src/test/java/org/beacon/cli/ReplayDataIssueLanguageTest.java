package org.beacon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.beacon.rules.Workbooks;
import org.junit.jupiter.api.Test;

/** {@code --lang zh|en} on a replay's data issues: the same codes, places and exit status, the detail translated. */
class ReplayDataIssueLanguageTest extends CommandTest {

    /** {@code SEVERITY CODE where: detail}; the place never holds ": " nor "：", the detail may. */
    private static final Pattern ISSUE = Pattern.compile(
            "^(ERROR|WARNING|错误|警告) ([A-Z_]+) (.+?)(?:: |：)(.*)$", Pattern.MULTILINE);

    private static final String COVID = "covid-2020-zhejiang-hubei-guangdong.csv";

    private static String tables() {
        return Workbooks.root().resolve("tables").toString();
    }

    private static String timeline(String name) {
        return Workbooks.root().resolve("examples/timelines").resolve(name).toString();
    }

    /** Each printed issue as [severity, code, where, detail]. */
    private static List<List<String>> issues(String printed) {
        Matcher m = ISSUE.matcher(printed);
        return m.results().map(r -> List.of(r.group(1), r.group(2), r.group(3), r.group(4))).toList();
    }

    private static List<List<String>> codesAndPlaces(List<List<String>> issues) {
        return issues.stream().map(i -> i.subList(1, 3)).toList();
    }

    @Test
    void refusesABadTimelineInChineseWithTheSameCodesPlacesAndExitStatus() throws Exception {
        Path bad = temp.resolve("bad.csv");
        Files.writeString(bad, """
                date,region,level,cumulativeConfirmed
                2020-01-0x,440000,province,3
                2020-01-02,,province,3
                2020-01-03,440000,city,3
                2020-01-04,440000,province,lots
                2020-01-05,440000,province,-4
                2020-01-06,440000,province
                """);
        int english = run("replay", tables(), bad.toString(), "--out", temp.resolve("en").toString(), "--lang", "en");
        List<List<String>> en = issues(err());
        clearOutput();
        int chinese = run("replay", tables(), bad.toString(), "--out", temp.resolve("zh").toString(), "--lang", "zh");
        List<List<String>> zh = issues(err());

        assertThat(chinese).isEqualTo(english).isEqualTo(BeaconCommand.WORKBOOK_ERRORS);
        assertThat(en).hasSizeGreaterThanOrEqualTo(6).allSatisfy(i -> assertThat(i.get(0)).isEqualTo("ERROR"));
        assertThat(zh).allSatisfy(i -> assertThat(i.get(0)).isEqualTo("错误"));
        assertThat(codesAndPlaces(zh)).isEqualTo(codesAndPlaces(en));
        for (int i = 0; i < en.size(); i++) {
            assertThat(zh.get(i).get(3)).as("detail of %s", en.get(i)).isNotEqualTo(en.get(i).get(3))
                    .containsPattern("\\p{IsHan}");
        }
        assertThat(err()).contains("错误 INVALID_VALUE bad.csv:2 date：“2020-01-0x”不是日期（请写成 2020-01-23）")
                .contains("错误 INVALID_VALUE bad.csv:3 region：地区代码为空")
                .contains("错误 INVALID_VALUE bad.csv:5 cumulativeConfirmed：“lots”不是数字")
                .doesNotContain("is not a date").doesNotContain("ERROR");
        assertThat(temp.resolve("en")).doesNotExist();
        assertThat(temp.resolve("zh")).doesNotExist();
    }

    @Test
    void namesMissingDaysAndMixedSourcesInChinese() {
        assertThat(run("replay", tables(), timeline("dengue-guangdong-monthly-2004-2020.csv"), "--step", "month",
                "--lang", "zh")).isEqualTo(BeaconCommand.WORKBOOK_ERRORS);
        assertThat(err()).contains("错误 MISSING_DAYS 440000：2004-07-01 至 2020-12-01 之间缺失日期 27 天：")
                .contains("请选择 missingDays：zeroFill");
        clearOutput();
        assertThat(run("replay", tables(), timeline(COVID), "--lang", "zh")).isEqualTo(BeaconCommand.WORKBOOK_ERRORS);
        assertThat(err()).contains("错误 SEVERAL_SOURCES " + COVID + "：文件混合了 2 个数据源（canghailan: ");
    }

    @Test
    void warnsAboutTheCovidTimelineInChineseAndWritesTheSameSummary() throws Exception {
        Path enDir = temp.resolve("en");
        Path zhDir = temp.resolve("zh");
        assertThat(run("replay", tables(), timeline(COVID), "--source", "canghailan", "--out", enDir.toString(),
                "--lang", "en")).isZero();
        List<List<String>> en = issues(out());
        clearOutput();
        assertThat(run("replay", tables(), timeline(COVID), "--source", "canghailan", "--out", zhDir.toString(),
                "--lang", "zh")).isZero();
        List<List<String>> zh = issues(out());

        assertThat(en).isNotEmpty().allSatisfy(i -> assertThat(i.get(0)).isEqualTo("WARNING"));
        assertThat(zh).allSatisfy(i -> assertThat(i.get(0)).isEqualTo("警告"));
        assertThat(codesAndPlaces(zh)).isEqualTo(codesAndPlaces(en));
        for (int i = 0; i < en.size(); i++) {
            assertThat(zh.get(i).get(3)).as("detail of %s", en.get(i)).isNotEqualTo(en.get(i).get(3))
                    .containsPattern("\\p{IsHan}");
        }
        String summary = Files.readString(enDir.resolve("summary.json"));
        assertThat(Files.readString(zhDir.resolve("summary.json")).replaceAll("\"millis\" : \\d+", ""))
                .isEqualTo(summary.replaceAll("\"millis\" : \\d+", ""));
        assertThat(summary).contains("\"detail\" : \"" + en.get(0).get(3)).doesNotContain("\"text\"");
    }
}
