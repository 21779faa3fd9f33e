package org.beacon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.beacon.rules.MessagePatterns;
import org.beacon.rules.WorkbookBuilder;
import org.beacon.rules.Workbooks;
import org.junit.jupiter.api.Test;

/** {@code --lang zh|en}: the same diagnostics, cells, codes and exit status, told in 简体中文 or English. */
class CommandLanguageTest extends CommandTest {

    /** {@code file cell SEVERITY CODE: message}, in either language. */
    private static final Pattern DIAGNOSTIC = Pattern.compile(
            "^(\\S+\\.xlsx(?: \\S+!\\S+| \\S+)?) (\\S+) ([A-Z_]+)(?::|：) ?(.*)$", Pattern.MULTILINE);

    private Path brokenWorkbook() throws Exception {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("Cholera").row("Table", "Cholera").row("Hit policy", "first match").blank()
                .row("IF cases", "IF death", "THEN grade", "THEN colour")
                .row("lots", "-", "Ⅴ", "purple")
                .row("≥2.5", "-", "Ⅲ", "yellow");
        b.sheet("Notes").row("whatever");
        Path file = temp.resolve("broken.xlsx");
        Files.write(file, b.bytes());
        return file;
    }

    private static List<List<String>> diagnostics(String printed) {
        Matcher m = DIAGNOSTIC.matcher(printed);
        return m.results().map(r -> List.of(r.group(1), r.group(3), r.group(4))).toList();
    }

    @Test
    void checksABrokenWorkbookInChineseWithTheSameCodesCellsAndExitStatus() throws Exception {
        Path file = brokenWorkbook();
        int english = run("check", file.toString(), "--verbose", "--lang", "en");
        List<List<String>> en = diagnostics(out());
        clearOutput();
        int chinese = run("check", file.toString(), "--verbose", "--lang", "zh");
        List<List<String>> zh = diagnostics(out());

        assertThat(chinese).isEqualTo(english).isEqualTo(BeaconCommand.WORKBOOK_ERRORS);
        assertThat(en).hasSizeGreaterThanOrEqualTo(4);
        assertThat(zh).extracting(d -> d.subList(0, 2)).isEqualTo(en.stream().map(d -> d.subList(0, 2)).toList());
        for (int i = 0; i < en.size(); i++) {
            assertThat(zh.get(i).get(2)).as("message of %s", en.get(i)).isNotEqualTo(en.get(i).get(2))
                    .containsPattern("\\p{IsHan}");
        }
        assertThat(out()).contains("broken.xlsx Cholera!A5 错误 WRONG_TYPE：cases 为整数指标；“lots”不是数字")
                .contains("未通过：").doesNotContain("FAILED").doesNotContain("ERROR");
    }

    @Test
    void takesTheLanguageAsOneWordToo() throws Exception {
        assertThat(run("check", brokenWorkbook().toString(), "--lang=zh")).isEqualTo(BeaconCommand.WORKBOOK_ERRORS);
        assertThat(out()).contains("错误 WRONG_TYPE");
    }

    @Test
    void speaksTheSystemsLanguageWhenNotTold() throws Exception {
        String file = brokenWorkbook().toString();
        assertThat(runOnASystemIn(Locale.SIMPLIFIED_CHINESE, "check", file)).isEqualTo(BeaconCommand.WORKBOOK_ERRORS);
        assertThat(out()).contains("错误 WRONG_TYPE").contains("未通过：");
        clearOutput();
        runOnASystemIn(Locale.GERMANY, "check", file);
        assertThat(out()).contains("ERROR WRONG_TYPE: cases is an integer").contains("FAILED: ");
        clearOutput();
        runOnASystemIn(Locale.SIMPLIFIED_CHINESE, "check", file, "--lang", "en");
        assertThat(out()).contains("ERROR WRONG_TYPE: cases is an integer");
    }

    @Test
    void refusesALanguageItDoesNotSpeakNamingTheChoices() {
        assertThat(run("check", "tables", "--lang", "fr")).isEqualTo(BeaconCommand.USAGE);
        assertThat(err()).contains("--lang is zh or en, not 'fr'").contains("usage:");
        clearOutput();
        assertThat(run("check", "tables", "--lang")).isEqualTo(BeaconCommand.USAGE);
        assertThat(err()).contains("--lang needs a value: zh or en");
    }

    @Test
    void countsTheShippedTestsInChinese() {
        assertThat(run("check", Workbooks.root().resolve("tables").toString(), "--lang", "zh")).isZero();
        assertThat(out()).containsPattern("测试用例：\\d+ 个通过，0 个未通过").contains("通过：0 条警告，没有错误");
    }

    @Test
    void reportsAFailingTestRowInChinese() throws Exception {
        WorkbookBuilder b = WorkbookBuilder.cholera();
        b.sheet("Tests").row("Tests").row("GIVEN eventType", "GIVEN cases", "EXPECT grade", "EXPECT colour")
                .row("cholera", 12, "Ⅱ", "orange");
        Path file = temp.resolve("tested.xlsx");
        Files.write(file, b.bytes());
        assertThat(run("check", file.toString(), "--lang", "zh")).isEqualTo(BeaconCommand.WORKBOOK_ERRORS);
        assertThat(out()).contains("Tests!C3 错误 TEST_FAILED：测试未通过：Tests!C3：期望响应级别为 Ⅱ，实际为 Ⅲ；"
                + "Tests!D3：期望预警颜色为 橙色，实际为 黄色").contains("测试用例：0 个通过，1 个未通过");
    }

    @Test
    void explainsADecisionInChinese() {
        String tables = Workbooks.root().resolve("tables").toString();
        String situation = Workbooks.root().resolve("examples/requests/cholera-county-12.json").toString();
        assertThat(run("evaluate", tables, situation, "--lang", "zh")).isZero();
        assertThat(out()).contains("判定：响应级别 Ⅲ 较大，预警 yellow 黄").containsPattern("Cholera!R\\d+  级别 Ⅲ  yellow")
                .containsPattern("cases \\[10, 29\\]  （取值 12；Cholera!A\\d+").doesNotContain("decision:");
    }

    @Test
    void tellsWhyASituationCannotBeEvaluatedInChineseAtTheSamePointersWithTheSameExitStatus() throws Exception {
        String tables = Workbooks.root().resolve("tables").toString();
        Path situation = temp.resolve("bad-situation.json");
        Files.writeString(situation, "{\"eventType\": \"cholera\", \"region\": {\"code\": \"330106\", "
                + "\"level\": \"county\"}, \"asOf\": \"2026-07-01\", \"indicators\": {\"casez\": 1, \"cases\": 1.5}}");
        int english = run("evaluate", tables, situation.toString(), "--lang", "en");
        List<String> en = err().lines().toList();
        clearOutput();
        int chinese = run("evaluate", tables, situation.toString(), "--lang", "zh");
        List<String> zh = err().lines().toList();

        assertThat(chinese).isEqualTo(english).isEqualTo(BeaconCommand.USAGE);
        String prefix = situation + " ";
        assertThat(en).containsExactly(prefix + "/indicators/casez: unknown indicator 'casez'; did you mean cases?; "
                + "valid indicators: " + en.get(0).substring(en.get(0).indexOf("valid indicators: ") + 18),
                prefix + "/indicators/cases: cases must be a whole number, not 1.5");
        assertThat(zh).hasSize(2);
        assertThat(zh.get(0)).startsWith(prefix + "/indicators/casez：未知指标“casez”；是否应为 cases？；有效指标：")
                .contains("、");
        assertThat(zh.get(1)).isEqualTo(prefix + "/indicators/cases：cases 必须是整数，而不是 1.5");
    }

    @Test
    void replaysInChineseAndWritesTheSameFiles() throws Exception {
        Path timelines = Workbooks.root().resolve("examples/timelines");
        Path dir = temp.resolve("covid");
        assertThat(run("replay", Workbooks.root().resolve("tables").toString(),
                timelines.resolve("covid-2020-zhejiang-hubei-guangdong.csv").toString(), "--source", "canghailan",
                "--actual", timelines.resolve("covid-2020-response-levels.csv").toString(), "--out", dir.toString(),
                "--lang", "zh")).isZero();
        assertThat(out()).contains("已回放 3 个地区、509 个地区日，从 2020-01-01 到 2020-06-30")
                .contains("建议 2020-02-15（滞后 -16），").containsPattern("一致率：509 个地区步中 \\d+\\.\\d%")
                .contains("已写出 " + dir.resolve("steps.csv"));
        assertThat(Files.readString(dir.resolve("summary.json"))).contains("\"lagDays\" : -16");
        clearOutput();
        assertThat(run("replay", "--lang", "zh")).isEqualTo(BeaconCommand.USAGE);
        assertThat(err()).contains("用法：").contains("逐步回放一段历史时间线");
    }

    @Test
    void bothLanguagesHaveTheSameLinesWithTheSameArguments() {
        ResourceBundle.Control plain = ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES);
        ResourceBundle en = ResourceBundle.getBundle("org.beacon.cli.messages", Locale.ROOT, plain);
        ResourceBundle zh = ResourceBundle.getBundle("org.beacon.cli.messages", Locale.CHINESE, plain);
        assertThat(zh.getLocale()).isEqualTo(Locale.CHINESE);
        assertThat(new TreeSet<>(zh.keySet())).isEqualTo(new TreeSet<>(en.keySet()));
        for (String key : en.keySet()) {
            assertThat(MessagePatterns.arguments(zh.getString(key))).as(key)
                    .isEqualTo(MessagePatterns.arguments(en.getString(key)));
            assertThat(zh.getString(key)).as(key).isNotBlank();
        }
    }

    @Test
    void printsTheSameJsonInEitherLanguage() {
        String tables = Workbooks.root().resolve("tables").toString();
        String situation = Workbooks.root().resolve("examples/requests/cholera-county-12.json").toString();
        run("evaluate", tables, situation, "--json", "--lang", "en");
        String english = out().replaceAll("\"(evaluatedAt|durationMicros)\" : [^,\\n]+", "");
        clearOutput();
        run("evaluate", tables, situation, "--json", "--lang", "zh");
        assertThat(out().replaceAll("\"(evaluatedAt|durationMicros)\" : [^,\\n]+", "")).isEqualTo(english);
    }

    @Test
    void comparesInChineseAndGivesTheSameJson() throws Exception {
        Path old = temp.resolve("old.xlsx");
        Path now = temp.resolve("new.xlsx");
        Files.write(old, WorkbookBuilder.cholera().bytes());
        WorkbookBuilder changed = new WorkbookBuilder().dictionary();
        changed.sheet("Cholera").row("Table", "Cholera").row("Hit policy", "highest grade")
                .row("Event types", "cholera").blank()
                .row("IF cases", "THEN grade").row("≥25", "Ⅱ").row("10～24", "Ⅲ").row("1～9", "Ⅳ");
        Files.write(now, changed.bytes());
        run("diff", old.toString(), now.toString(), "--json", "--lang", "en");
        String english = out();
        clearOutput();
        run("diff", old.toString(), now.toString(), "--json", "--lang", "zh");
        assertThat(out()).isEqualTo(english).contains("\"kind\" : \"changed\"");
        clearOutput();
        assertThat(run("diff", old.toString(), now.toString(), "--lang", "zh")).isZero();
        assertThat(out()).containsPattern("共 \\d+ 处变化");
        clearOutput();
        assertThat(run("diff", old.toString(), old.toString(), "--lang", "zh")).isZero();
        assertThat(out()).contains("没有差异");
    }

    @Test
    void tellsUsageAndFileProblemsInChinese() throws Exception {
        assertThat(run("--lang", "zh")).isEqualTo(BeaconCommand.USAGE);
        assertThat(err()).contains("用法：").contains("beacon check <工作簿.xlsx | 文件夹>").contains("退出状态");
        clearOutput();
        assertThat(run("check", temp.resolve("nope.xlsx").toString(), "--lang", "zh")).isEqualTo(BeaconCommand.USAGE);
        assertThat(err()).contains("nope.xlsx 不存在");
        clearOutput();
        Path situation = temp.resolve("bad.json");
        Files.writeString(situation, "{\"eventType\": \"cholera\", \"asOf\": \"2026-7-1\", \"indicators\": {}}");
        assertThat(run("evaluate", Workbooks.root().resolve("tables").toString(), situation.toString(), "--lang",
                "zh")).isEqualTo(BeaconCommand.USAGE);
        assertThat(err()).contains("/asOf：“2026-7-1”不是 2026-07-01 这样的日期");
    }
}
