package org.beacon.service.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.ArrayList;
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
import org.beacon.service.Http;
import org.beacon.service.RunPolling;
import org.beacon.service.ServiceTest;
import org.beacon.service.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The impact of a draft over the audit trail, end to end: situations stored through {@code POST /evaluations/batch},
 * a draft lowering cholera's Ⅱ threshold uploaded, the run started, followed and read; and every refusal.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImpactApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SITUATIONS = 10_000;
    private static final int BATCH = 2_000;

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcTemplate jdbc;

    private String draft;
    /** The evaluation ids of the stored situations with 25–29 cholera cases, found from the situations alone. */
    private final Set<String> expected = new HashSet<>();

    private Http http() {
        return new Http(port, users.editor());
    }

    @BeforeAll
    void storeTenThousandSituationsAndUploadTheLoweredThreshold() {
        GeneratedSituations generated = new GeneratedSituations(SITUATIONS, 2121);
        List<Situation> batch = new ArrayList<>();
        while (generated.hasNext()) {
            batch.add(generated.next());
            if (batch.size() == BATCH || !generated.hasNext()) {
                store(batch);
                batch.clear();
            }
        }
        WorkbookSource grading = CholeraThreshold.loweredTo25(WorkbookSource.readAll(Workbooks.root()
                .resolve("tables"))).stream().filter(s -> s.name().equals(CholeraThreshold.GRADING)).findFirst()
                .orElseThrow();
        Http.Response upload = new Http(port, users.admin()).postFiles("/rule-sets",
                Map.of("comment", "cholera Ⅱ from 25 cases"), Map.of(grading.name(), grading.bytes()));
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        draft = upload.json().at("/id").asString();
    }

    private void store(List<Situation> situations) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Situation s : situations) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("eventType", s.eventType());
            json.put("region", Map.of("code", s.region().code(), "name", s.region().name(), "level",
                    s.region().level()));
            json.put("asOf", s.asOf().toString());
            json.put("indicators", s.indicators());
            items.add(json);
        }
        Http.Response r = http().postJson("/evaluations/batch?explain=false",
                JSON.writeValueAsString(Map.of("situations", items)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().at("/failed").asInt()).as(r.body()).isZero();
        JsonNode results = r.json().at("/results");
        for (int i = 0; i < situations.size(); i++) {
            Situation s = situations.get(i);
            if (s.eventType().equals("cholera") && s.indicators().get("cases") instanceof Number n
                    && n.intValue() >= 25 && n.intValue() <= 29) {
                expected.add(results.get(i).at("/evaluation/evaluationId").asString());
            }
        }
    }

    private JsonNode awaitEnd(String location) {
        return RunPolling.awaitEnd(http(), location);
    }

    @Test
    void reportsExactlyTheAuditedSituationsWith25To29CholeraCasesMovingFromThreeToTwo() throws Exception {
        Http.Response accepted = http().post("/rule-sets/" + draft + "/impact?examples=1000&eventType=cholera",
                "application/x-www-form-urlencoded", "");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String self = accepted.json().at("/links/self").asString();
        assertThat(accepted.header("Location")).isEqualTo(self);

        JsonNode run = awaitEnd(self);
        assertThat(run.at("/status").asString()).as(run.toString()).isEqualTo("done");
        assertThat(run.at("/progress/percent").asInt()).isEqualTo(100);
        assertThat(run.at("/ruleSet").asString()).isEqualTo(draft);
        assertThat(run.at("/comparedWith").asString()).isEqualTo("v1");
        assertThat(run.at("/undecidable").asLong()).isZero();
        JsonNode grade = run.at("/report/transitions/0");
        assertThat(grade.at("/name").asString()).isEqualTo("grade");
        JsonNode moved = grade.at("/transitions/0");
        assertThat(moved.at("/from").asString() + " → " + moved.at("/to").asString()).isEqualTo("Ⅲ → Ⅱ");
        assertThat(moved.at("/count").asLong()).isEqualTo(expected.size());
        Set<String> ids = new HashSet<>();
        moved.at("/examples").forEach(id -> ids.add(id.asString()));
        assertThat(ids).isEqualTo(expected);
        assertThat(grade.at("/transitions/1/from").asString()).isEqualTo(grade.at("/transitions/1/to").asString());
        assertThat(expected).hasSizeGreaterThan(200);

        Http.Binary xlsx = http().download(self + "/report.xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(wb.getSheet("Weekly burden").getDrawingPatriarch().getCharts()).hasSize(1);
        }
    }

    @Test
    void decidesAgainASituationWithSignalsStoredNowAndCountsOneStoredWithoutItsSeries() throws Exception {
        String signals = Files.readString(Workbooks.root().resolve("examples/requests/influenza-signals-multi-point"
                + ".json"));
        String kept = http().postJson("/evaluations", signals).json().at("/evaluationId").asString();
        String old = http().postJson("/evaluations", signals).json().at("/evaluationId").asString();
        // as a row stored before the audit kept signal series (migration V7)
        jdbc.update("update evaluation set signals_deflated = null where id = ?", java.util.UUID.fromString(old));
        String event = JSON.readTree(signals).at("/eventType").asString();
        JsonNode run = awaitEnd(http().post("/rule-sets/" + draft + "/impact?eventType=" + event
                + "&examples=1000", "application/x-www-form-urlencoded", "").json().at("/links/self").asString());
        assertThat(run.at("/status").asString()).as(run.toString()).isEqualTo("done");
        assertThat(run.at("/undecidable").asLong()).isEqualTo(1);
        assertThat(run.at("/report/decided").asLong()).isEqualTo(run.at("/progress/total").asLong() - 1);
        assertThat(run.at("/report/transitions/0/transitions/0/examples").toString()).contains(kept)
                .doesNotContain(old);
    }

    @Test
    void refusesAnUnknownVersionABadWindowAndAWindowOverTheCapBeforeAnyWork() {
        Http.Response unknown = http().post("/rule-sets/v999/impact", "application/x-www-form-urlencoded", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).isEqualTo("application/problem+json");
        assertThat(unknown.json().at("/type").asString()).endsWith("rule-set-not-found");

        Http.Response backwards = http().post("/rule-sets/" + draft + "/impact?from=2026-07-02&to=2026-07-01",
                "application/x-www-form-urlencoded", "");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().at("/errors/0/pointer").asString()).isEqualTo("?from");

        Http.Response notADate = http().post("/rule-sets/" + draft + "/impact?to=yesterday",
                "application/x-www-form-urlencoded", "");
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.json().at("/errors/0/detail").asString()).contains("'yesterday' is not a date");

        Http.Response overCap = http().post("/rule-sets/" + draft + "/impact?limit=100",
                "application/x-www-form-urlencoded", "");
        assertThat(overCap.status()).isEqualTo(400);
        assertThat(overCap.json().at("/errors/0/pointer").asString()).isEqualTo("?limit");
        assertThat(overCap.json().at("/errors/0/detail").asString()).contains("more than the cap of 100");

        Http.Response unknownParameter = http().post("/rule-sets/" + draft + "/impact?window=7",
                "application/x-www-form-urlencoded", "");
        assertThat(unknownParameter.status()).isEqualTo(400);

        Http.Response noRun = http().get("/rule-sets/" + draft + "/impact/" + java.util.UUID.randomUUID());
        assertThat(noRun.status()).isEqualTo(404);
        assertThat(noRun.json().at("/type").asString()).endsWith("impact-run-not-found");
    }
}
