package org.beacon.service.replay;

import org.beacon.service.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.beacon.rules.WorkbookBuilder;
import org.beacon.rules.Workbooks;
import org.beacon.service.Http;
import org.beacon.service.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Replays over HTTP that run: the examples end to end, their files, an uploaded timeline, the comparison, counts at
 * the limit and the OpenAPI description. Every way a request is refused: {@link ReplayRefusalsApiTest}.
 */
@ServiceTest
class ReplayApiTest {

    private static final String COVID = "covid-2020-zhejiang-hubei-guangdong.csv";

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    private Http http() {
        return new Http(port, users.admin());
    }

    private static List<JsonNode> transitions(JsonNode run, String region) {
        List<JsonNode> out = new ArrayList<>();
        run.at("/summary/transitions").forEach(t -> {
            if (t.at("/region").asString().equals(region)) {
                out.add(t);
            }
        });
        return out;
    }

    private static List<CSVRecord> csv(byte[] bytes) throws Exception {
        try (CSVParser p = CSVParser.builder().setReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))
                .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            return p.getRecords();
        }
    }

    @Test
    void replaysTheCovidExampleAndComparesItWithWhatWasDecided() throws Exception {
        Http.Response accepted = Replays.start(http(), Replays.covid());
        assertThat(accepted.status()).isEqualTo(202);
        String id = accepted.json().at("/id").asString();
        assertThat(accepted.header("Location")).isEqualTo("/replays/" + id);
        assertThat(accepted.json().at("/links/report").asString()).isEqualTo("/replays/" + id + "/report.xlsx");

        JsonNode run = Replays.awaitEnd(http(), id);
        assertThat(run.at("/status").asString()).as(run.toString()).isEqualTo("done");
        assertThat(run.at("/progress/percent").asInt()).isEqualTo(100);
        assertThat(run.at("/progress/stepsDone").asLong()).isEqualTo(run.at("/progress/stepsTotal").asLong())
                .isEqualTo(509);
        assertThat(run.at("/progress/stepsPerSecond").asDouble()).isPositive();
        assertThat(run.at("/finishedAt").asString()).isNotEmpty();

        byte[] file = Files.readAllBytes(Workbooks.root().resolve("examples/timelines/" + COVID));
        JsonNode inputs = run.at("/inputs");
        assertThat(inputs.at("/timeline").asString()).isEqualTo(COVID);
        assertThat(inputs.at("/timelineSha256").asString())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)));
        assertThat(inputs.at("/actualSha256").asString()).hasSize(64);
        assertThat(inputs.at("/source").asString()).isEqualTo("canghailan");
        assertThat(inputs.at("/step").asString()).isEqualTo("day");
        assertThat(inputs.at("/arms/0/label").asString()).isEqualTo("in force");
        assertThat(inputs.at("/arms/0/ruleSets/0").asString()).isEqualTo("v1");

        List<JsonNode> zhejiang = transitions(run, "330000");
        assertThat(zhejiang).as("Zhejiang is raised to Ⅰ in late January")
                .anySatisfy(t -> {
                    assertThat(t.at("/kind").asString()).isEqualTo("raise");
                    assertThat(t.at("/to").asString()).isEqualTo("I");
                    assertThat(t.at("/date").asString()).startsWith("2020-01-2");
                    assertThat(t.at("/rows/0").asString()).matches("\\w+!R\\d+");
                    assertThat(t.at("/reasons/0").asString()).contains("newCases7d");
                });
        assertThat(zhejiang).as("and lowered to Ⅱ in February").anySatisfy(t -> {
            assertThat(t.at("/kind").asString()).isEqualTo("lower");
            assertThat(t.at("/from").asString()).isEqualTo("I");
            assertThat(t.at("/to").asString()).isEqualTo("II");
            assertThat(t.at("/date").asString()).startsWith("2020-02-");
        });

        JsonNode actual = run.at("/summary/actual");
        assertThat(actual.at("/transitions")).as("Zhejiang's Ⅰ→Ⅱ of 2020-03-02 was recommended earlier")
                .anySatisfy(c -> {
                    assertThat(c.at("/region").asString()).isEqualTo("330000");
                    assertThat(c.at("/date").asString()).isEqualTo("2020-03-02");
                    assertThat(c.at("/to").asString()).isEqualTo("II");
                    assertThat(c.at("/lagDays").asLong()).isNegative();
                });
        assertThat(actual.at("/agreement").asDouble()).isStrictlyBetween(0.0, 1.0);
        assertThat(actual.at("/daysCompared").asLong()).isEqualTo(509);
        assertThat(run.at("/summary/divergences")).isEmpty();

        JsonNode list = http().get("/replays?size=500").json();
        assertThat(list.at("/items")).anySatisfy(i -> {
            assertThat(i.at("/id").asString()).isEqualTo(id);
            assertThat(i.at("/status").asString()).isEqualTo("done");
            assertThat(i.at("/timeline").asString()).isEqualTo(COVID);
            assertThat(i.at("/ruleSets/0").asString()).isEqualTo("v1");
        });
    }

    @Test
    void writesEveryStepToCsvAndTheReportToAWorkbook() throws Exception {
        String id = Replays.run(http(), Replays.covid()).at("/id").asString();

        Http.Binary steps = http().download("/replays/" + id + "/steps.csv");
        assertThat(steps.status()).isEqualTo(200);
        assertThat(steps.header("Content-Type")).startsWith("text/csv");
        assertThat(steps.header("Content-Disposition")).contains("attachment").contains("steps.csv");
        String text = new String(steps.body(), StandardCharsets.UTF_8);
        assertThat(text.lines().findFirst().orElseThrow())
                .startsWith("region,regionName,date,cumulativeConfirmed,deaths,newCases,newCases7d");
        List<CSVRecord> rows = csv(steps.body());
        long expected = Files.readAllLines(Workbooks.root().resolve("examples/timelines/" + COVID)).stream()
                .filter(l -> l.contains(",canghailan,")).count();
        assertThat(rows).as("one row per region and day of the pinned source").hasSize((int) expected).hasSize(509);
        CSVRecord zhejiang = rows.stream().filter(r -> r.get("region").equals("330000")
                && r.get("date").equals("2020-02-01")).findFirst().orElseThrow();
        assertThat(zhejiang.get("level")).isEqualTo("Ⅰ");
        assertThat(zhejiang.get("actualLevel")).isEqualTo("Ⅰ");
        assertThat(zhejiang.get("ruleSet")).isEqualTo("v1");

        Http.Binary report = http().download("/replays/" + id + "/report.xlsx");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.header("Content-Type"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(report.header("Content-Disposition")).contains("report.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(report.body()))) {
            Sheet first = wb.getSheetAt(0);
            List<String> cells = new ArrayList<>();
            for (Row row : first) {
                for (Cell cell : row) {
                    cells.add(cell.toString());
                }
            }
            assertThat(cells).as("the report names what was replayed").contains(COVID);
        }
    }

    @Test
    void replaysTheMonthlyDengueExampleAgainstTheFiveYearBaseline() throws Exception {
        JsonNode run = Replays.run(http(), Replays.form("example", "dengue-guangdong-monthly-2004-2020.csv",
                "step", "month", "missingDays", "zeroFill"));
        assertThat(run.at("/status").asString()).as(run.toString()).isEqualTo("done");
        assertThat(run.at("/inputs/missingDays").asString()).isEqualTo("zeroFill");
        assertThat(run.at("/summary/step").asString()).isEqualTo("month");
        assertThat(run.at("/summary/issues")).as("the filled months are reported").anySatisfy(i -> {
            assertThat(i.at("/code").asString()).isEqualTo("MISSING_DAYS");
            assertThat(i.at("/error").asBoolean()).isFalse();
        });
        assertThat(transitions(run, "440000")).as("Guangdong is raised on the 5-year baseline before the 2014 "
                + "outbreak peaks").anySatisfy(t -> {
                    assertThat(t.at("/kind").asString()).isIn("activate", "raise");
                    assertThat(t.at("/to").asString()).isEqualTo("II");
                    assertThat(t.at("/date").asString()).isBetween("2014-01-01", "2014-07-01");
                    assertThat(t.at("/reasons").toString()).contains("ratioTo5yMean");
                });
        List<CSVRecord> rows = csv(http().download("/replays/" + run.at("/id").asString() + "/steps.csv").body());
        assertThat(rows).filteredOn(r -> r.get("date").compareTo("2014-07-01") >= 0
                && r.get("date").compareTo("2014-10-01") <= 0)
                .as("Guangdong at Ⅱ through July–October 2014").hasSize(4)
                .allSatisfy(r -> assertThat(r.get("level")).isEqualTo("Ⅱ"));
        CSVRecord july = rows.stream().filter(r -> r.get("date").equals("2014-07-01")).findFirst().orElseThrow();
        assertThat(july.get("cases")).isEqualTo("252");
        assertThat(Double.parseDouble(july.get("ratioTo5yMean"))).as("252 over the mean of July 2009–2013")
                .isCloseTo(252 / ((0 + 4 + 2 + 10 + 151) / 5.0), org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void replaysAnUploadedTimeline() {
        String timeline = "date,region,regionName,cumulativeConfirmed\n2020-01-20,330100,杭州市,0\n"
                + "2020-01-21,330100,杭州市,12\n2020-01-22,330100,杭州市,40\n";
        Http.Response r = http().postForm("/replays", Replays.form("eventType", "covid19", "level", "prefecture"),
                List.of(new Http.FilePart("timeline", "hangzhou.csv", timeline.getBytes(StandardCharsets.UTF_8))));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        JsonNode run = Replays.awaitEnd(http(), r.json().at("/id").asString());
        assertThat(run.at("/status").asString()).as(run.toString()).isEqualTo("done");
        assertThat(run.at("/inputs/timeline").asString()).isEqualTo("hangzhou.csv");
        assertThat(run.at("/inputs/level").asString()).isEqualTo("prefecture");
        assertThat(run.at("/summary/steps").asInt()).isEqualTo(3);
        assertThat(transitions(run, "330100")).extracting(t -> t.at("/date").asString()).contains("2020-01-21");
    }

    /** A draft for US states and counties alone: a county graded Ⅲ from 5 new cases in 7 days, a state from 20. */
    private String statesAndCountiesDraft() {
        WorkbookBuilder b = WorkbookBuilder.statesAndCounties();
        Http.Response upload = http().postFiles("/rule-sets", java.util.Map.of("replace", "all", "comment",
                "states and counties"), java.util.Map.of("us.xlsx", b.bytes()));
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        return upload.json().at("/id").asString();
    }

    @Test
    void aTimelineTakesTheRegionLevelsItsRuleSetDeclaresAndRefusesOthersAtTheirLine() {
        String draft = statesAndCountiesDraft();
        StringBuilder timeline = new StringBuilder("date,region,level,cumulativeConfirmed\n");
        for (int day = 1; day <= 9; day++) {
            timeline.append("2024-03-0").append(day).append(",C,County,").append(day * 2).append('\n');
            timeline.append("2024-03-0").append(day).append(",S,state,").append(day * 2).append('\n');
        }
        Http.Response r = http().postForm("/replays", Replays.form("eventType", "flu", "ruleSet", draft),
                List.of(new Http.FilePart("timeline", "us.csv", timeline.toString().getBytes(StandardCharsets.UTF_8))));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        JsonNode run = Replays.awaitEnd(http(), r.json().at("/id").asString());
        assertThat(run.at("/status").asString()).as(run.toString()).isEqualTo("done");
        assertThat(transitions(run, "C")).isNotEmpty();
        assertThat(transitions(run, "S")).isEmpty();

        long before = Replays.stored(http());
        Http.Response refused = http().postForm("/replays", Replays.form("eventType", "flu", "ruleSet", draft),
                List.of(new Http.FilePart("timeline", "us.csv", timeline.toString().replace(",S,state,", ",S,province,")
                        .getBytes(StandardCharsets.UTF_8))));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().at("/errors/0/pointer").asString()).isEqualTo("timeline:3 level");
        assertThat(refused.json().at("/errors/0/detail").asString())
                .isEqualTo("'province' is not a region level of the rule set (state, county)");
        Http.Response field = http().postForm("/replays", Replays.form("eventType", "flu", "ruleSet", draft, "level",
                "prefecture"), List.of(new Http.FilePart("timeline", "t.csv",
                        "date,region,cases\n2024-03-01,C,1\n".getBytes(StandardCharsets.UTF_8))));
        assertThat(field.status()).as(field.body()).isEqualTo(400);
        assertThat(field.json().at("/errors/0/pointer").asString()).isEqualTo("level");
        assertThat(Replays.stored(http())).isEqualTo(before);
    }

    @Test
    void comparingAVersionWithItselfFindsNoDivergence() throws Exception {
        JsonNode run = Replays.run(http(), Replays.form("example", COVID, "source", "canghailan", "ruleSet", "v1",
                "compareWith", "v1"));
        assertThat(run.at("/status").asString()).as(run.toString()).isEqualTo("done");
        assertThat(run.at("/inputs/arms")).extracting(a -> a.at("/pinned").asString()).containsExactly("v1", "v1");
        assertThat(run.at("/summary/arms")).hasSize(2);
        assertThat(run.at("/summary/divergences")).isEmpty();
        assertThat(run.at("/summary/transitions")).isNotEmpty();
        String header = new String(http().download("/replays/" + run.at("/id").asString() + "/steps.csv").body(),
                StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        assertThat(header).contains("v1.level", "v1 again.level");
    }

    @Test
    void countsAtTheLimitAreAcceptedAndReplayedToTheLastStep() {
        StringBuilder timeline = new StringBuilder("date,region,regionName,cumulativeConfirmed,deaths\n");
        for (int d = 0; d < 30; d++) {
            timeline.append(java.time.LocalDate.of(2020, 1, 1).plusDays(d)).append(",330100,杭州市,")
                    .append(d % 3 == 1 ? "0" : "1e9").append(',').append(d % 2 == 0 ? "1000000000" : "0.000001")
                    .append('\n');
        }
        Http.Response r = Replays.startWith(http(), timeline.toString(), "eventType", "covid19");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        JsonNode run = Replays.awaitEnd(http(), r.json().at("/id").asString());
        assertThat(run.at("/status").asString()).as(run.toString()).isEqualTo("done");
        assertThat(run.at("/summary/steps").asInt()).isEqualTo(30);
    }

    @Test
    void stepsCsvShowsRegionNamesThatLookLikeFormulasAsText() throws Exception {
        JsonNode run = Replays.awaitEnd(http(), Replays.startWith(http(), "date,region,regionName,cumulativeConfirmed\n"
                + "2020-01-20,330100,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",0\n"
                + "2020-01-20,330200,@SUM(1+2),3\n", "eventType", "covid19").json().at("/id").asString());
        assertThat(run.at("/status").asString()).as(run.toString()).isEqualTo("done");
        byte[] steps = http().download("/replays/" + run.at("/id").asString() + "/steps.csv").body();
        assertThat(csv(steps)).extracting(row -> row.get("regionName")).containsExactly(
                "'=HYPERLINK(\"http://evil.example\",\"click\")", "'@SUM(1+2)");
        assertThat(new String(steps, StandardCharsets.UTF_8)).contains("330200,\"'@SUM(1+2)\",2020-01-20,3,");
    }

    @Test
    void documentsTheReplayEndpoints() {
        JsonNode docs = http().get("/v3/api-docs").json();
        JsonNode paths = docs.at("/paths");
        assertThat(paths.has("/replays")).isTrue();
        assertThat(paths.has("/replays/{id}")).isTrue();
        assertThat(paths.has("/replays/{id}/steps.csv")).isTrue();
        assertThat(paths.has("/replays/{id}/report.xlsx")).isTrue();
        JsonNode post = paths.at("/~1replays/post");
        JsonNode schema = post.at("/requestBody/content/multipart~1form-data/schema");
        if (schema.has("$ref")) {
            schema = docs.at(schema.at("/$ref").asString().substring(1));
        }
        JsonNode form = schema.at("/properties");
        assertThat(form.at("/timeline/format").asString()).as(schema.toString()).isEqualTo("binary");
        assertThat(form.has("example")).isTrue();
        assertThat(form.has("compareWith")).isTrue();
        assertThat(post.at("/parameters").isMissingNode() || post.at("/parameters").isEmpty())
                .as("the form's fields are not query parameters").isTrue();
    }
}
