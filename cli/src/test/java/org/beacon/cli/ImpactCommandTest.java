package org.beacon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.beacon.rules.Workbooks;
import org.beacon.rules.impact.CholeraThreshold;
import org.beacon.rules.impact.GeneratedSituations;
import org.beacon.rules.model.Situation;
import org.beacon.rules.model.WorkbookSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What an expert sees from {@code beacon impact} before asking for a new threshold to be put in force. */
class ImpactCommandTest extends CommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String tables() {
        return Workbooks.root().resolve("tables").toString();
    }

    /** The bundled tables with cholera's Ⅱ from 25 cases, written as an expert's folder. */
    private Path lowered() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("my-tables"));
        for (WorkbookSource s : CholeraThreshold.loweredTo25(WorkbookSource.readAll(Path.of(tables())))) {
            Files.write(dir.resolve(s.name()), s.bytes());
        }
        return dir;
    }

    /** Writes {@code n} generated situations as JSON lines; returns the line numbers with 25–29 cholera cases. */
    private static Set<String> writeSituations(Path file, int n) throws Exception {
        Set<String> expected = new HashSet<>();
        GeneratedSituations situations = new GeneratedSituations(n, 2026);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int line = 1; situations.hasNext(); line++) {
                Situation s = situations.next();
                if (s.eventType().equals("cholera") && s.indicators().get("cases") instanceof Integer c && c >= 25
                        && c <= 29) {
                    expected.add(file.getFileName() + ":" + line);
                }
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("eventType", s.eventType());
                json.put("region", Map.of("code", s.region().code(), "name", s.region().name(), "level",
                        s.region().level()));
                json.put("asOf", s.asOf().toString());
                json.put("indicators", s.indicators());
                w.write(JSON.writeValueAsString(json));
                w.newLine();
            }
        }
        return expected;
    }

    @Test
    void reportsExactlyTheSituationsWith25To29CholeraCasesMovingFromThreeToTwoAndWritesTheWorkbook()
            throws Exception {
        Path situations = temp.resolve("audit.jsonl");
        Set<String> expected = writeSituations(situations, 10_000);
        Path xlsx = temp.resolve("impact.xlsx");
        assertThat(run("impact", tables(), lowered().toString(), situations.toString(), "--json", "--examples",
                "10000", "--xlsx", xlsx.toString())).as(err()).isZero();

        JsonNode report = JSON.readTree(out());
        assertThat(report.get("situations").asLong()).isEqualTo(10_000);
        JsonNode grade = report.get("transitions").get(0);
        assertThat(grade.get("name").asString()).isEqualTo("grade");
        JsonNode moved = grade.get("transitions").get(0);
        assertThat(moved.get("from").asString() + " → " + moved.get("to").asString()).isEqualTo("Ⅲ → Ⅱ");
        assertThat(moved.get("count").asLong()).isEqualTo(expected.size());
        Set<String> ids = new HashSet<>();
        moved.get("examples").forEach(id -> ids.add(id.asString()));
        assertThat(ids).isEqualTo(expected);
        assertThat(grade.get("transitions").get(1).get("from").asString())
                .isEqualTo(grade.get("transitions").get(1).get("to").asString());
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheet("Weekly burden").getDrawingPatriarch().getCharts()).hasSize(1);
        }
    }

    @Test
    void printsTheTransitionsRowsAndWeeklyBurdenForAPerson() throws Exception {
        Path situations = temp.resolve("situations.jsonl");
        Set<String> expected = writeSituations(situations, 900);
        assertThat(run("impact", tables(), lowered().toString(), situations.toString())).as(err()).isZero();
        assertThat(out()).contains("900 situation(s), 900 decided by both, " + expected.size() + " changed")
                .contains("grade: " + expected.size() + " changed")
                .containsPattern("  Ⅲ → Ⅱ  " + expected.size() + " \\(situations.jsonl:\\d+, ")
                .contains("colour: " + expected.size() + " changed", "  yellow → orange  " + expected.size())
                .contains("  Cholera!R8  +" + expected.size() + " −0", "  Cholera!R10  +0 −" + expected.size())
                .contains("weekly burden").contains("invalid under the new tables: 0");
    }

    @Test
    void readsStoredAnswersAndSituationFilesAndFoldersAlike() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("in"));
        Files.copy(Workbooks.root().resolve("examples/requests/cholera-prefecture-27.json"),
                folder.resolve("cholera-prefecture-27.json"));
        Files.writeString(folder.resolve("stored.jsonl"), "{\"evaluationId\":\"0b7c…\",\"grade\":{},\"situation\":"
                + "{\"eventType\":\"cholera\",\"region\":{\"code\":\"330100\",\"name\":\"杭州市\",\"level\":"
                + "\"prefecture\"},\"asOf\":\"2026-07-01\",\"indicators\":{\"cases\":28}}}\n");
        assertThat(run("impact", tables(), lowered().toString(), folder.toString())).as(err()).isZero();
        assertThat(out()).contains("  Ⅲ → Ⅱ  2 (cholera-prefecture-27.json, 0b7c…)");
    }

    @Test
    void replaysATimelineWithBothTablesAndFindsNothingChangedWhenTheyAreTheSame() {
        String covid = Workbooks.root().resolve("examples/timelines/covid-2020-zhejiang-hubei-guangdong.csv")
                .toString();
        assertThat(run("impact", tables(), tables(), "--timeline", covid, "--source", "canghailan")).as(err())
                .isZero();
        assertThat(out()).contains("509 situation(s)").contains(" 0 changed").contains("level: 0 changed");
    }

    @Test
    void refusesABadSituationLineNamingItAndWritesNothing() throws Exception {
        Path situations = temp.resolve("bad.jsonl");
        Files.writeString(situations, "{\"eventType\":\"cholera\",\"indicators\":{\"cases\":3}}\n{\"eventType\":\n");
        Path xlsx = temp.resolve("impact.xlsx");
        assertThat(run("impact", tables(), lowered().toString(), situations.toString(), "--xlsx", xlsx.toString()))
                .isEqualTo(BeaconCommand.USAGE);
        assertThat(err()).contains("beacon: " + situations + ":2: not valid JSON").contains("nothing written");
        assertThat(out()).isEmpty();
        assertThat(xlsx).doesNotExist();
    }

    @Test
    void refusesMissingInputsAndBadOptionsBeforeCompilingAnything() throws Exception {
        assertThat(run("impact", tables(), temp.resolve("nowhere").toString(), "x.jsonl"))
                .isEqualTo(BeaconCommand.USAGE);
        assertThat(err()).contains("does not exist");
        for (List<String> args : List.of(List.of("impact", tables()), List.of("impact", tables(), tables()),
                List.of("impact", tables(), tables(), "a.jsonl", "--examples", "lots"),
                List.of("impact", tables(), tables(), "a.jsonl", "--compare", "x"))) {
            assertThat(run(args.toArray(String[]::new))).as(args.toString()).isEqualTo(BeaconCommand.USAGE);
        }
        assertThat(err()).contains("impact needs situations").contains("--examples is a whole number")
                .contains("impact has no option --compare");
        assertThat(out()).isEmpty();
    }

    @Test
    void tellsTheImpactInChineseWithTheSameFiguresAsInEnglish() throws Exception {
        Path situations = temp.resolve("situations.jsonl");
        int moved = writeSituations(situations, 300).size();
        Path lowered = lowered();
        assertThat(run("impact", tables(), lowered.toString(), situations.toString(), "--lang", "en")).as(err())
                .isZero();
        String english = out();
        clearOutput();
        assertThat(run("impact", tables(), lowered.toString(), situations.toString(), "--lang", "zh")).as(err())
                .isZero();
        String chinese = out();

        assertThat(english).contains("300 situation(s), 300 decided by both, " + moved + " changed")
                .contains("grade: " + moved + " changed");
        java.util.regex.Matcher weeks = java.util.regex.Pattern.compile("  (\\d+) of (\\d+) week\\(s\\) change; "
                + "warnings in all: (\\d+) → (\\d+)").matcher(english);
        assertThat(weeks.find()).as(english).isTrue();
        assertThat(chinese).contains("的影响分析：共 300 个情形，两套决策表均作出判定 300 个，结论改变 " + moved + " 个")
                .contains("分级：" + moved + " 个改变").contains("预警颜色：" + moved + " 个改变")
                .contains("  Ⅲ → Ⅱ  " + moved).contains("新命中与不再命中的行：")
                .contains("  Cholera!R8  +" + moved + " −0").contains("每周预警负担")
                .contains("  " + weeks.group(2) + " 周中 " + weeks.group(1) + " 周有变化；预警总数："
                        + weeks.group(3) + " → " + weeks.group(4))
                .contains("新决策表下无效的情形：0 个");
        clearOutput();
        assertThat(run("impact", tables(), tables(), "--lang", "zh")).isEqualTo(BeaconCommand.USAGE);
        assertThat(err()).contains("impact 需要情形（文件、文件夹或 JSON Lines）或 --timeline").contains("用法：")
                .contains("用新旧两套决策表判定同一批情形");
        clearOutput();
        assertThat(run("impact", tables(), tables(), "a.jsonl", "--compare", "x", "--lang", "zh"))
                .isEqualTo(BeaconCommand.USAGE);
        assertThat(err()).contains("impact 没有选项 --compare");
    }
}
