package org.beacon.service.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.beacon.rules.Workbooks;
import org.beacon.service.ChildService;
import org.beacon.service.Http;
import org.beacon.service.TestApps;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A service killed (SIGKILL) in the middle of audit retention, once with its export file written and verified but no
 * row deleted, once after some batches of its rows were deleted: no row is deleted before its file is verified, and
 * the next start finishes the export, so every old decision ends up exactly once in the archive, as it was answered,
 * and no longer in the database.
 */
class AuditRetentionCrashTest {

    private static final int OLD = 20;
    private static final int BATCH = 4;

    private final Path root = Path.of("target", "audit-retention-crash-" + System.nanoTime());
    private final Path archive = root.resolve("data").resolve("audit-archive");
    private final String tables = "--beacon.tables-dir=" + Workbooks.root().resolve("tables");
    private final String data = "--beacon.data-dir=./" + root.resolve("data");
    private final String[] retention = {"--beacon.audit.retention=400d", "--beacon.audit.retention-batch=" + BATCH};

    @Test
    void aRunKilledBeforeOrWhileDeletingLosesAndDuplicatesNoDecisionAndTheNextStartFinishesIt() throws Exception {
        Map<String, String> old = new LinkedHashMap<>();
        List<String> recent = new ArrayList<>();
        try (ConfigurableApplicationContext app = TestApps.start(tables, data)) {
            Http http = TestApps.http(app);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            for (int cases = 1; cases <= OLD + 2; cases++) {
                Http.Response r = http.postJson("/evaluations", "{\"eventType\":\"cholera\",\"region\":{\"code\":"
                        + "\"330106\"},\"indicators\":{\"cases\":" + cases + "}}");
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                String id = r.json().at("/evaluationId").asString();
                if (cases <= OLD) {
                    jdbc.update("update evaluation set evaluated_at = ? where id = ?", Timestamp.from(Instant.now()
                            .minus(Duration.ofDays(500)).plusSeconds(cases)), UUID.fromString(id));
                    old.put(id, http.get("/evaluations/" + id).body());
                } else {
                    recent.add(id);
                }
            }
        }

        // killed with its file written and verified, before its first batch is deleted
        try (ChildService child = ChildService.start(root.resolve("child-1.log"), args(
                "--beacon.fault-injection.retention-pause-after-batches=0"))) {
            CompletableFuture.runAsync(() -> child.http().postJson("/admin/audit/retention", ""));
            child.awaitLog("fault injection: pausing the audit export", ChildService.PATIENCE);
            JsonNode export = child.http().get("/admin/audit/retention").json().at("/lastExport");
            assertThat(export.at("/state").asString()).isEqualTo("verified");
            assertThat(export.at("/deleted").asLong()).isZero();
            assertThat(ArchiveContents.read(archive, export.at("/file").asString(), export.at("/sha256").asString()))
                    .as("the verified file, whole").isEqualTo(old);
            assertThat(stored(child.http(), old.keySet())).as("no row deleted yet").hasSize(OLD);
            assertThat(child.kill()).as("killed by SIGKILL").isEqualTo(ChildService.KILLED);
        }

        // the start resumes the export; killed again once two batches of its rows are deleted
        try (ChildService child = ChildService.start(root.resolve("child-2.log"), args(
                "--beacon.fault-injection.retention-pause-after-batches=2"))) {
            child.awaitLog("fault injection: pausing the audit export", ChildService.PATIENCE);
            assertThat(child.log()).contains("finishing audit-");
            JsonNode export = child.http().get("/admin/audit/retention").json().at("/lastExport");
            assertThat(export.at("/state").asString()).isEqualTo("verified");
            assertThat(export.at("/deleted").asLong()).isEqualTo(2 * BATCH);
            assertThat(stored(child.http(), old.keySet())).as("rows not yet deleted").hasSize(OLD - 2 * BATCH);
            assertThat(child.kill()).as("killed by SIGKILL").isEqualTo(ChildService.KILLED);
        }

        try (ConfigurableApplicationContext restarted = TestApps.start(args())) {
            Http http = TestApps.http(restarted);
            Http.Response run = http.postJson("/admin/audit/retention", "");
            assertThat(run.status()).as(run.body()).isEqualTo(200);
            assertThat(run.json().at("/exports").asInt()).as("nothing new to export").isZero();
            JsonNode status = run.json().at("/status");
            assertThat(status.at("/lastExport/state").asString()).isEqualTo("done");
            assertThat(status.at("/lastExport/deleted").asLong()).isEqualTo(OLD);
            assertThat(status.at("/archive/exports").asLong()).as("one file: the cut-off run was finished").isOne();
            assertThat(status.at("/rows").asLong()).isEqualTo(recent.size());
            assertThat(stored(http, old.keySet())).as("old rows left in the database").isEmpty();
            assertThat(stored(http, recent)).containsExactlyElementsOf(recent);
            assertThat(ArchiveContents.readAll(archive)).as("every old decision once, as answered").isEqualTo(old);
        }
    }

    private String[] args(String... more) {
        List<String> all = new ArrayList<>(List.of(tables, data));
        all.addAll(List.of(retention));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /**
     * The ids of these still kept in the database: {@code GET /evaluations/{id}} answers an archived decision too,
     * with the header {@code Beacon-Archived} naming its file, so only the answers without it count.
     */
    private static List<String> stored(Http http, Iterable<String> ids) {
        List<String> found = new ArrayList<>();
        for (String id : ids) {
            Http.Response answer = http.get("/evaluations/" + id);
            assertThat(answer.status()).as(id).isEqualTo(200);
            if (answer.header("Beacon-Archived") == null) {
                found.add(id);
            }
        }
        return found;
    }
}
