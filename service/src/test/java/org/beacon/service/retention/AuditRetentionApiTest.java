package org.beacon.service.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beacon.rules.Workbooks;
import org.beacon.service.Http;
import org.beacon.service.StartUpFailures;
import org.beacon.service.TestApps;
import org.beacon.service.security.ConsoleSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Audit retention over HTTP: decisions older than the setting are exported to a verified file and deleted, the others
 * stay; the archived ones still open from the console and through {@code GET /evaluations/{id}}; a setting shorter than the impact window stops the start.
 */
class AuditRetentionApiTest {

    private final Path data = Path.of("target", "audit-retention-" + System.nanoTime(), "data");
    private final String tables = "--beacon.tables-dir=" + Workbooks.root().resolve("tables");

    @Test
    void exportsTheDecisionsOlderThanTheSettingToAVerifiedFileThenDeletesThemAndTheApiAndConsoleStillOpenThem()
            throws Exception {
        try (ConfigurableApplicationContext app = TestApps.start(tables, "--beacon.data-dir=./" + data,
                "--beacon.audit.retention=400d", "--beacon.audit.retention-batch=3")) {
            Http http = TestApps.http(app);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Map<String, String> old = new LinkedHashMap<>();
            List<String> recent = new ArrayList<>();
            for (int cases = 1; cases <= 9; cases++) {
                String id = decide(http, cases);
                if (cases <= 7) {
                    // stored 500 days ago, a second apart: older than the 400 days kept
                    jdbc.update("update evaluation set evaluated_at = ? where id = ?", Timestamp.from(Instant.now()
                            .minus(Duration.ofDays(500)).plusSeconds(cases)), java.util.UUID.fromString(id));
                    old.put(id, http.get("/evaluations/" + id).body());
                } else {
                    recent.add(id);
                }
            }
            JsonNode before = http.get("/admin/audit/retention").json();
            assertThat(before.at("/retention").asString()).isEqualTo("400d");
            assertThat(before.at("/rows").asLong()).isEqualTo(9);
            assertThat(before.at("/estimatedBytes").asLong()).isPositive();
            assertThat(Instant.parse(before.at("/oldest").asString()))
                    .isBefore(Instant.now().minus(Duration.ofDays(499)));
            assertThat(before.at("/lastExport").isNull()).isTrue();

            Http.Response run = http.postJson("/admin/audit/retention", "");
            assertThat(run.status()).as(run.body()).isEqualTo(200);
            assertThat(run.json().at("/exports").asInt()).isEqualTo(1);
            assertThat(run.json().at("/rowsArchived").asLong()).isEqualTo(7);
            JsonNode export = run.json().at("/status/lastExport");
            assertThat(export.at("/state").asString()).isEqualTo("done");
            assertThat(export.at("/rows").asLong()).isEqualTo(7);
            assertThat(export.at("/deleted").asLong()).isEqualTo(7);
            assertThat(run.json().at("/status/rows").asLong()).isEqualTo(2);

            old.forEach((id, body) -> {
                Http.Response archived = http.get("/evaluations/" + id);
                assertThat(archived.status()).as(id).isEqualTo(200);
                assertThat(archived.body()).as("the same JSON as before it was archived").isEqualTo(body);
                assertThat(archived.header("Beacon-Archived")).isEqualTo(export.at("/file").asString());
            });
            recent.forEach(id -> {
                Http.Response kept = http.get("/evaluations/" + id);
                assertThat(kept.status()).as(id).isEqualTo(200);
                assertThat(kept.header("Beacon-Archived")).as("still in the database").isNull();
            });
            Http.Response never = http.get("/evaluations/" + java.util.UUID.randomUUID());
            assertThat(never.status()).as("an id that never existed").isEqualTo(404);
            assertThat(never.body()).contains("urn:beacon:problem:evaluation-not-found");
            assertThat(ArchiveContents.read(data.resolve("audit-archive"), export.at("/file").asString(),
                    export.at("/sha256").asString())).isEqualTo(old);

            ConsoleSession browser = new ConsoleSession(((WebServerApplicationContext) app).getWebServer().getPort());
            assertThat(browser.signIn(TestApps.ADMIN.username(), TestApps.ADMIN.password()).statusCode())
                    .isEqualTo(302);
            String archived = old.keySet().iterator().next();
            var page = browser.get("/console/audit/" + archived);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"archived\"", export.at("/file").asString(), archived);
            var kept = browser.get("/console/audit/" + recent.get(0));
            assertThat(kept.statusCode()).isEqualTo(200);
            assertThat(kept.body()).doesNotContain("id=\"archived\"");

            Http.Response again = http.postJson("/admin/audit/retention", "");
            assertThat(again.json().at("/exports").asInt()).as("nothing left to export").isZero();
            assertThat(again.json().at("/status/archive/rows").asLong()).isEqualTo(7);
        }
    }

    @Test
    void aRunCutOffWhileWritingItsFileLeavesEveryRowAndTheNextRunWritesTheExportAgain() throws Exception {
        try (ConfigurableApplicationContext app = TestApps.start(tables, "--beacon.data-dir=./" + data,
                "--beacon.audit.retention=1y")) {
            Http http = TestApps.http(app);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Map<String, String> old = new LinkedHashMap<>();
            for (int cases = 1; cases <= 3; cases++) {
                String id = decide(http, cases);
                jdbc.update("update evaluation set evaluated_at = ? where id = ?", Timestamp.from(Instant.now()
                        .minus(Duration.ofDays(800))), java.util.UUID.fromString(id));
                old.put(id, http.get("/evaluations/" + id).body());
            }
            // what a kill in the middle of writing leaves: the record, part of the file, no checksum file
            Path folder = data.resolve("audit-archive");
            java.nio.file.Files.createDirectories(folder);
            String cut = "audit-20250101T000000Z-cut.jsonl.gz";
            java.nio.file.Files.write(folder.resolve(cut + ".part"), new byte[] {31, -117, 8, 0});
            jdbc.update("insert into audit_export (id, file, created_at, cut_off, state, deleted) values"
                    + " (?, ?, ?, ?, 'writing', 0)", java.util.UUID.randomUUID(), cut, Timestamp.from(Instant.now()
                    .minusSeconds(60)), Timestamp.from(Instant.now().minus(Duration.ofDays(400))));

            Http.Response run = http.postJson("/admin/audit/retention", "");
            assertThat(run.status()).as(run.body()).isEqualTo(200);
            assertThat(run.json().at("/resumed").asInt()).isOne();
            assertThat(run.json().at("/rowsArchived").asLong()).isEqualTo(3);
            assertThat(run.json().at("/status/archive/exports").asLong()).as("the cut-off record forgotten").isOne();
            assertThat(folder.resolve(cut + ".part")).doesNotExist();
            assertThat(ArchiveContents.readAll(folder)).isEqualTo(old);
        }
    }

    @Test
    void refusesARunAndUnknownParametersWithProblemsWhenEverythingIsKept() {
        try (ConfigurableApplicationContext app = TestApps.start(tables, "--beacon.data-dir=./" + data)) {
            Http http = TestApps.http(app);
            String id = decide(http, 3);
            Http.Response run = http.postJson("/admin/audit/retention", "");
            assertThat(run.status()).isEqualTo(409);
            assertThat(run.contentType()).isEqualTo("application/problem+json");
            assertThat(run.json().at("/type").asString()).isEqualTo("urn:beacon:problem:audit-retention-not-set");
            Http.Response unknown = http.postJson("/admin/audit/retention?retention=1d", "");
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.contentType()).isEqualTo("application/problem+json");
            JsonNode status = http.get("/admin/audit/retention").json();
            assertThat(status.at("/keepsEverything").asBoolean()).isTrue();
            assertThat(status.at("/rows").asLong()).isEqualTo(1);
            assertThat(http.get("/evaluations/" + id).status()).isEqualTo(200);
            assertThat(data.resolve("audit-archive")).doesNotExist();
        }
    }

    @Test
    void aSettingShorterThanTheImpactWindowStopsTheStartWithOneLineNamingIt() {
        for (String setting : List.of("30d", "364d", "P11M", "PT100H", "a year")) {
            assertThatThrownBy(() -> TestApps.start(tables, "--beacon.data-dir=./" + data,
                    "--beacon.audit.retention=" + setting).close()).satisfies(e -> {
                        FailureAnalysis analysis = new StartUpFailures().analyze(e);
                        assertThat(analysis).as(setting).isNotNull();
                        assertThat(analysis.getDescription()).as(setting).contains("beacon.audit.retention")
                                .doesNotContain("\n");
                        assertThat(analysis.getAction()).contains("365d");
                    });
        }
        assertThatThrownBy(() -> TestApps.start(tables, "--beacon.data-dir=./" + data,
                "--beacon.audit.retention=1y", "--beacon.audit.retention-batch=0").close()).satisfies(e ->
                        assertThat(new StartUpFailures().analyze(e).getAction())
                                .contains("beacon.audit.retention-batch"));
        assertThat(data.resolve("audit-archive")).doesNotExist();
    }

    @Test
    void aYearOrMoreIsAccepted() {
        for (String setting : List.of("1y", "365d", "P1Y", "P400D", "60w")) {
            assertThat(RetentionSetting.parse(setting).keepsEverything()).as(setting).isFalse();
        }
    }

    private static String decide(Http http, int cases) {
        Http.Response r = http.postJson("/evaluations", "{\"eventType\":\"cholera\",\"region\":{\"code\":\"330106\","
                + "\"name\":\"西湖区\"},\"indicators\":{\"cases\":" + cases + "}}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().at("/evaluationId").asString();
    }
}
