package org.beacon.service.evaluation;

import org.beacon.service.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.beacon.rules.Workbooks;
import org.beacon.service.Http;
import org.beacon.service.ServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The evaluation API over HTTP: decisions, batches, the audit trail, the dictionary, and every error. */
@ServiceTest
@Import(EvaluationApiTest.Failing.class)
class EvaluationApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("beacon.max-request-size", () -> "4MB");
    }

    /** Stands for any defect behind a controller: its message must never reach the caller. */
    @TestConfiguration
    @RestController
    static class Failing {
        @GetMapping("/test-only/failure")
        String fail() {
            throw new IllegalStateException("jdbc:h2:secret table EVALUATION column DECISION_JSON");
        }
    }

    private Http http() {
        return new Http(port, users.admin());
    }

    private static String example(String name) throws Exception {
        return Files.readString(Workbooks.root().resolve("examples/requests/" + name + ".json"));
    }

    private static String situation(String eventType, String indicators) {
        return "{\"eventType\":\"" + eventType + "\",\"region\":{\"code\":\"330106\",\"name\":\"杭州市西湖区\","
                + "\"level\":\"county\"},\"asOf\":\"2026-07-01\",\"indicators\":" + indicators + "}";
    }

    @Test
    void decidesASituationAndExplainsWhichRowFiredWithWhichValue() throws Exception {
        Http.Response r = http().postJson("/evaluations", example("cholera-county-12"));
        assertThat(r.status()).isEqualTo(200);
        JsonNode d = r.json();
        assertThat(d.at("/grade/numeral").asString()).isEqualTo("Ⅲ");
        assertThat(d.at("/grade/name").asString()).isEqualTo("较大");
        assertThat(d.at("/warningColour").asString()).isEqualTo("yellow");
        assertThat(d.at("/firedRules/0").asString()).matches("Cholera!R\\d+");
        assertThat(d.at("/ruleSet/contentHash").asString()).hasSize(64);
        assertThat(d.at("/evaluationId").asString()).hasSize(36);
        List<String> consulted = new ArrayList<>();
        d.at("/tables").forEach(t -> consulted.add(t.at("/table").asString()));
        assertThat(consulted).as("a cholera report consults grading, reporting and the response to its grade, "
                + "not the risk map or the capacity checks it sends nothing for")
                .containsExactlyInAnyOrder("Cholera", "Reporting", "ResponseStart", "ResponseActions");
        JsonNode check = d.at("/tables/" + consulted.indexOf("Cholera") + "/matches/0/explanation/0");
        assertThat(check.at("/indicator").asString()).isEqualTo("cases");
        assertThat(check.at("/test").asString()).isEqualTo("[10, 29]");
        assertThat(check.at("/value").asInt()).isEqualTo(12);
        assertThat(check.at("/cell").asString()).startsWith("Cholera!A");
    }

    @Test
    void leavesOutTheExplanationOnRequestButAuditsIt() throws Exception {
        JsonNode d = http().postJson("/evaluations?explain=false", example("cholera-county-12")).json();
        assertThat(d.at("/tables/0/matches/0").has("explanation")).isFalse();
        JsonNode stored = http().get("/evaluations/" + d.at("/evaluationId").asString()).json();
        assertThat(stored.at("/tables/0/matches/0/explanation")).isNotEmpty();
    }

    @Test
    void answersTheAuditedDecisionByteForByteAsItWasSent() throws Exception {
        Http.Response sent = http().postJson("/evaluations", example("cholera-county-12"));
        assertThat(sent.contentType()).startsWith("application/json");
        Http.Response stored = http().get("/evaluations/" + sent.json().at("/evaluationId").asString());
        assertThat(stored.body()).isEqualTo(sent.body());
    }

    @Test
    void writesASingleDecisionInTheSameJsonAsABatchItem() throws Exception {
        String single = http().postJson("/evaluations?explain=false", example("cholera-county-12")).body();
        String batch = http().postJson("/evaluations/batch?explain=false", "{\"situations\":["
                + example("cholera-county-12") + "]}").body();
        String item = batch.substring(batch.indexOf("\"evaluation\":") + "\"evaluation\":".length(),
                batch.lastIndexOf("}]}"));
        assertThat(withoutIdAndTime(single)).isEqualTo(withoutIdAndTime(item));
    }

    @Test
    void answersABatchItemWithTheBytesItsAuditRowKeeps() throws Exception {
        Http.Response answer = http().postJson("/evaluations/batch", "{\"situations\":["
                + example("cholera-county-12") + "," + example("bubonic-plague-prefecture-20") + "]}");
        String batch = answer.body();
        JsonNode results = answer.json().at("/results");
        for (int i = 0; i < 2; i++) {
            String id = results.get(i).at("/evaluation/evaluationId").asString();
            String stored = http().get("/evaluations/" + id).body();
            assertThat(batch).contains("{\"index\":" + i + ",\"evaluation\":" + stored + "}");
        }
    }

    private static String withoutIdAndTime(String decision) {
        return decision.replaceFirst("\"evaluationId\":\"[^\"]+\"", "ID").replaceFirst("\"evaluatedAt\":\"[^\"]+\"",
                "AT");
    }

    @Test
    void readsDecisionsStoredBeforeTheyWereCompressed() {
        String old = "{\"evaluationId\":\"00000000-0000-0000-0000-000000000001\",\"note\":\"杭州 as stored in V1\"}";
        jdbc.update("insert into evaluation (id, evaluated_at, caller, rule_set_id, rule_set_hash, no_match,"
                + " fired_rules, decision_json) values (?, current_timestamp, 'v1', 'v1', 'h', false, '', ?)",
                java.util.UUID.fromString("00000000-0000-0000-0000-000000000001"), old);
        assertThat(http().get("/evaluations/00000000-0000-0000-0000-000000000001").body()).isEqualTo(old);
    }

    @Test
    void readsDecisionsTheZlibCodecStoredBeforeZstandard() {
        String old = "{\"evaluationId\":\"00000000-0000-0000-0000-000000000002\",\"note\":\"杭州 as stored in V5\"}";
        java.util.zip.Deflater zlib = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_SPEED);
        zlib.setInput(old.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        zlib.finish();
        byte[] buffer = new byte[1024];
        byte[] deflated = java.util.Arrays.copyOf(buffer, zlib.deflate(buffer));
        zlib.end();
        jdbc.update("insert into evaluation (id, evaluated_at, caller, rule_set_id, rule_set_hash, no_match,"
                + " fired_rules, decision_deflated) values (?, current_timestamp, 'v1', 'v1', 'h', false, '', ?)",
                java.util.UUID.fromString("00000000-0000-0000-0000-000000000002"), deflated);
        assertThat(http().get("/evaluations/00000000-0000-0000-0000-000000000002").body()).isEqualTo(old);
    }

    @Test
    void saysSoWhenNoRowMatches() throws Exception {
        JsonNode d = http().postJson("/evaluations", example("cholera-below-threshold")).json();
        assertThat(d.at("/noMatch").asBoolean()).isTrue();
        assertThat(d.has("grade")).isFalse();
        assertThat(d.at("/tables/0/outcome").asString()).isEqualTo("no_match");
    }

    static Stream<Arguments> examples() throws Exception {
        Map<String, String> grades = Map.ofEntries(Map.entry("bubonic-plague-prefecture-20", "Ⅱ"),
                Map.entry("cholera-below-threshold", "none"), Map.entry("cholera-county-12", "Ⅲ"),
                Map.entry("class-bc-two-counties-ratio-3", "Ⅱ"), Map.entry("food-poisoning-100-no-deaths", "Ⅲ"),
                Map.entry("iatrogenic-infection-major", "Ⅱ"), Map.entry("new-disease-spreading", "Ⅰ"),
                Map.entry("occupational-poisoning-3-deaths", "Ⅲ"), Map.entry("pneumonic-plague-county-5", "Ⅱ"),
                Map.entry("sars-suspected-case", "Ⅱ"), Map.entry("strain-loss", "Ⅰ"),
                Map.entry("unexplained-cluster-two-counties", "Ⅱ"), Map.entry("vaccination-group-reaction", "Ⅲ"),
                Map.entry("cholera-prefecture-27", "Ⅲ"), Map.entry("cholera-prefecture-30-response", "Ⅱ"),
                Map.entry("cholera-response-may-end", "none"),
                Map.entry("influenza-signals-multi-point", "none"), Map.entry("measles-school-12-cases", "none"));
        try (Stream<Path> files = Files.list(Workbooks.root().resolve("examples/requests"))) {
            List<Path> all = files.sorted().toList();
            assertThat(all).extracting(p -> p.getFileName().toString().replace(".json", ""))
                    .containsExactlyInAnyOrderElementsOf(grades.keySet());
            return all.stream().map(p -> Arguments.of(p.getFileName().toString(),
                    grades.get(p.getFileName().toString().replace(".json", ""))));
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("examples")
    void decidesEveryExampleRequest(String file, String grade) throws Exception {
        JsonNode d = http().postJson("/evaluations", Files.readString(Workbooks.root()
                .resolve("examples/requests/" + file))).json();
        assertThat(d.has("grade") ? d.at("/grade/numeral").asString() : "none").isEqualTo(grade);
    }

    @Test
    void decidesABatchInOrderWithAnErrorEntryForEachBadSituation() {
        String body = "{\"situations\":[" + situation("cholera", "{\"cases\":40}") + ", 7, "
                + situation("cholera", "{\"cases\":\"many\"}") + ", "
                + situation("foodPoisoning", "{\"cases\":100,\"deaths\":0}") + "]}";
        Http.Response r = http().postJson("/evaluations/batch", body);
        assertThat(r.status()).isEqualTo(200);
        JsonNode b = r.json();
        assertThat(b.at("/count").asInt()).isEqualTo(4);
        assertThat(b.at("/failed").asInt()).isEqualTo(2);
        assertThat(b.at("/results/0/evaluation/grade/numeral").asString()).isEqualTo("Ⅱ");
        assertThat(b.at("/results/1/error/errors/0/pointer").asString()).isEqualTo("/situations/1");
        assertThat(b.at("/results/2/error/errors/0/pointer").asString()).isEqualTo("/situations/2/indicators/cases");
        assertThat(b.at("/results/3/evaluation/grade/numeral").asString()).isEqualTo("Ⅲ");
        String batchId = b.at("/batchId").asString();
        JsonNode stored = http().get("/evaluations/" + b.at("/results/3/evaluation/evaluationId").asString()).json();
        assertThat(stored.at("/grade/numeral").asString()).isEqualTo("Ⅲ");
        JsonNode listed = http().get("/evaluations?eventType=foodPoisoning&size=500").json();
        assertThat(listed.at("/items").valueStream().map(i -> i.at("/batchId").asString()).toList())
                .contains(batchId);
    }

    @Test
    void decidesTheSituationsAfterOneThatFailsDeepInsideAndWithFieldsLeft() {
        String deep = "{\"eventType\":\"cholera\",\"region\":{\"code\":\"330106\",\"level\":{\"nested\":[1,"
                + "{\"x\":[]}]},\"name\":\"西湖区\"},\"asOf\":\"2026-07-01\",\"indicators\":{\"cases\":40}}";
        String body = "{\"situations\":[" + deep + "," + situation("cholera", "{\"cases\":40}") + ",[1,[2,{}]],"
                + situation("foodPoisoning", "{\"cases\":100,\"deaths\":0}") + "]}";
        Http.Response r = http().postJson("/evaluations/batch?explain=false", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode b = r.json();
        assertThat(b.at("/count").asInt()).isEqualTo(4);
        assertThat(b.at("/failed").asInt()).isEqualTo(2);
        assertThat(b.at("/results/0/error/errors/0/pointer").asString()).isEqualTo("/situations/0/region/level");
        assertThat(b.at("/results/1/evaluation/grade/numeral").asString()).isEqualTo("Ⅱ");
        assertThat(b.at("/results/2/error/errors/0/pointer").asString()).isEqualTo("/situations/2");
        assertThat(b.at("/results/2/error/errors/0/detail").asString()).isEqualTo("a situation must be a JSON object");
        assertThat(b.at("/results/3/evaluation/grade/numeral").asString()).isEqualTo("Ⅲ");
    }

    @Test
    void acceptsABatchOfTenThousandSituations() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            items.add(situation("cholera", "{\"cases\":" + (i % 40) + "}"));
        }
        Http.Response r = http().postJson("/evaluations/batch?explain=false",
                "{\"situations\":[" + String.join(",", items) + "]}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().at("/count").asInt()).isEqualTo(10_000);
        assertThat(r.json().at("/failed").asInt()).isZero();
        assertThat(r.json().at("/results/9999/index").asInt()).isEqualTo(9_999);
    }

    @Test
    void refusesABatchOverTheLimitWith413AndStoresNothing() {
        long before = http().get("/evaluations?size=1").json().at("/total").asLong();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            items.add("{}");
        }
        Http.Response r = http().postJson("/evaluations/batch", "{\"situations\":[" + String.join(",", items) + "]}");
        assertProblem(r, 413, "urn:beacon:problem:batch-too-large");
        assertThat(r.json().at("/detail").asString()).contains("10001").contains("10000");
        assertThat(http().get("/evaluations?size=1").json().at("/total").asLong()).isEqualTo(before);
    }

    @Test
    void listsTheAuditTrailByRegionEventTypeAndTimeNewestFirst() {
        String region = "R" + System.nanoTime();
        String body = situation("cholera", "{\"cases\":5}").replace("330106", region);
        Http platform = http().as(users.caller());
        String first = platform.postJson("/evaluations", body).json().at("/evaluationId").asString();
        String second = platform.postJson("/evaluations", body).json().at("/evaluationId").asString();
        JsonNode page = http().get("/evaluations?region=" + region + "&eventType=cholera&from=2000-01-01&to="
                + java.time.LocalDate.now().plusDays(1)).json();
        assertThat(page.at("/total").asInt()).isEqualTo(2);
        assertThat(page.at("/items/0/evaluationId").asString()).isEqualTo(second);
        assertThat(page.at("/items/1/evaluationId").asString()).isEqualTo(first);
        assertThat(page.at("/items/0/grade").asString()).isEqualTo("IV");
        assertThat(page.at("/items/0/caller").asString()).as("the authenticated user").isEqualTo("caller");
        assertThat(http().get("/evaluations?region=" + region + "&size=1&page=1").json().at("/items/0/evaluationId")
                .asString()).isEqualTo(first);
        assertThat(http().get("/evaluations?region=" + region + "&to=2000-01-01").json().at("/total").asInt())
                .isZero();
    }

    @Test
    void listsTheIndicatorDictionary() {
        JsonNode list = http().get("/indicators").json();
        JsonNode cases = list.valueStream().filter(i -> i.at("/name").asString().equals("cases")).findFirst()
                .orElseThrow();
        assertThat(cases.at("/type").asString()).isEqualTo("integer");
        assertThat(cases.at("/min").asInt()).isZero();
        assertThat(list.valueStream().filter(i -> i.at("/name").asString().equals("eventType")).findFirst()
                .orElseThrow().at("/values")).isNotEmpty();
    }

    @Test
    void aFieldGivenTwiceIsRefusedByItsName() {
        Http.Response r = http().postJson("/evaluations", "{\"eventType\":\"cholera\",\"eventType\":\"plague\","
                + "\"region\":{\"code\":\"1\"},\"indicators\":{\"cases\":1}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/errors/0/detail").asString()).isEqualTo("field 'eventType' is given twice");
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"eventType\": ", ""),
                Arguments.of("not an object", "[1, 2]", ""),
                Arguments.of("wrong type for a field", "{\"eventType\": 5, \"region\": {\"code\": \"1\"}}",
                        "/eventType"),
                Arguments.of("bad date", situation("cholera", "{}").replace("2026-07-01", "01/07/2026"), "/asOf"),
                Arguments.of("unknown field", "{\"eventType\":\"cholera\",\"region\":{\"code\":\"1\"},\"grade\":1}",
                        "/grade"),
                Arguments.of("unknown indicator", situation("cholera", "{\"casez\": 3}"), "/indicators/casez"),
                Arguments.of("indicator of the wrong type", situation("cholera", "{\"cases\": \"3\"}"),
                        "/indicators/cases"),
                Arguments.of("fraction for an integer", situation("cholera", "{\"cases\": 2.5}"), "/indicators/cases"),
                Arguments.of("negative count", situation("cholera", "{\"cases\": -1}"), "/indicators/cases"),
                Arguments.of("value over the dictionary range", situation("cholera", "{\"cases\": 1e12}"),
                        "/indicators/cases"),
                Arguments.of("unknown event type", situation("cholrea", "{}"), "/eventType"),
                Arguments.of("missing event type", "{\"region\":{\"code\":\"1\"}}", "/eventType"),
                Arguments.of("missing region", "{\"eventType\":\"cholera\"}", "/region"),
                Arguments.of("missing region code", "{\"eventType\":\"cholera\",\"region\":{}}", "/region/code"),
                Arguments.of("unknown admin level", situation("cholera", "{}").replace("county", "district"),
                        "/region/level"),
                Arguments.of("huge number", situation("cholera", "{\"cases\": " + "9".repeat(3000) + "}"), ""),
                Arguments.of("deep nesting", situation("cholera", "{\"x\": " + "[".repeat(5000) + "]".repeat(5000)
                        + "}"), ""),
                Arguments.of("injection text", situation("'; drop table evaluation; --", "{}"), "/eventType"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void refusesABadRequestWith400PointingAtTheFieldAndStoresNothing(String what, String body, String pointer) {
        long before = http().get("/evaluations?size=1").json().at("/total").asLong();
        Http.Response r = http().postJson("/evaluations", body);
        assertProblem(r, 400, "urn:beacon:problem:invalid-request");
        List<String> pointers = r.json().at("/errors").valueStream().map(e -> e.at("/pointer").asString()).toList();
        if (pointer.isEmpty()) {
            assertThat(pointers).isNotEmpty();
        } else {
            assertThat(pointers).contains(pointer);
        }
        assertThat(http().get("/evaluations?size=1").json().at("/total").asLong()).isEqualTo(before);
    }

    @Test
    void namesTheValidIndicatorsWhenOneIsUnknown() {
        Http.Response r = http().postJson("/evaluations", situation("cholera", "{\"casez\": 3}"));
        assertThat(r.json().at("/errors/0/detail").asString()).contains("did you mean cases")
                .containsPattern("valid indicators: [a-zA-Z0-9, ]*\\bcases, [a-zA-Z0-9, ]*\\bdeaths\\b")
                .as("values Beacon derives itself are not offered").doesNotContain("signalSource", "earsC1");
    }

    @Test
    void answersUnknownIdsPathsMethodsAndMediaTypesWithProblems() {
        assertProblem(http().get("/evaluations/6f1c1a0e-0000-4000-8000-000000000000"), 404,
                "urn:beacon:problem:evaluation-not-found");
        assertProblem(http().get("/evaluations/not-a-uuid"), 404, "urn:beacon:problem:evaluation-not-found");
        assertProblem(http().get("/no-such-thing"), 404, "urn:beacon:problem:not-found");
        assertProblem(http().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://localhost:" + port + "/evaluations")).DELETE().build()), 405,
                "urn:beacon:problem:method-not-allowed");
        assertProblem(http().post("/evaluations", "text/plain", "cholera"), 415,
                "urn:beacon:problem:unsupported-media-type");
        assertProblem(http().get("/evaluations?page=x"), 400, "urn:beacon:problem:invalid-request");
        assertProblem(http().get("/evaluations?size=100000"), 400, "urn:beacon:problem:invalid-request");
        assertProblem(http().get("/evaluations?from=yesterday"), 400, "urn:beacon:problem:invalid-request");
    }

    @Test
    void refusesAnOversizedBodyWith413() {
        String big = situation("cholera", "{\"cases\": 1}").replace("杭州市西湖区", "x".repeat(5 * 1024 * 1024));
        assertProblem(http().postJson("/evaluations", big), 413, "urn:beacon:problem:payload-too-large");
    }

    @Test
    void hidesTheDetailsOfAnUnexpectedFailure() {
        Http.Response r = http().get("/test-only/failure");
        assertProblem(r, 500, "urn:beacon:problem:internal-error");
        assertThat(r.body()).doesNotContain("jdbc").doesNotContain("EVALUATION").doesNotContain("Exception");
    }

    private static void assertProblem(Http.Response r, int status, String type) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().at("/type").asString()).isEqualTo(type);
        assertThat(r.json().at("/title").asString()).isNotBlank();
        assertThat(r.json().at("/status").asInt()).isEqualTo(status);
    }
}
