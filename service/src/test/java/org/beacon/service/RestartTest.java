package org.beacon.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.beacon.rules.Workbooks;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The default database is a file under beacon.data-dir: after a stop and a start on the same folder, users,
 * versions with their status, activations, the version in force, the audit trail and replays with their files are
 * all there, as they were.
 */
class RestartTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    // Relative and starting with ./, the form of the default (./data): H2 refuses implicitly relative paths.
    private final Path root = Path.of("target", "restart-" + System.nanoTime());
    private final String tables = "--beacon.tables-dir=./" + root.resolve("tables");
    private final String data = "--beacon.data-dir=./" + root.resolve("data");
    private final String examples = "--beacon.examples-dir=" + Workbooks.root().resolve("examples");

    @Test
    void keepsUsersVersionsActivationsAuditAndReplaysAcrossARestart() throws Exception {
        // v1: the bundled tables without the risk map; v2 adds it.
        Path bundled = Workbooks.root().resolve("tables");
        Files.createDirectories(root.resolve("tables"));
        Map<String, byte[]> all = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(bundled)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".xlsx")).sorted().toList()) {
                all.put(f.getFileName().toString(), Files.readAllBytes(f));
                if (!f.getFileName().toString().equals("risk-map.xlsx")) {
                    Files.copy(f, root.resolve("tables").resolve(f.getFileName()));
                }
            }
        }
        String single = Files.readString(Workbooks.root().resolve("examples/requests/cholera-county-12.json"));
        String other = Files.readString(Workbooks.root().resolve("examples/requests/sars-suspected-case.json"));

        Http.Credentials platform;
        List<String> evaluationIds;
        String replayId;
        Map<String, String> before = new LinkedHashMap<>();
        byte[] steps;
        byte[] report;
        try (ConfigurableApplicationContext first = TestApps.start(tables, data, examples)) {
            Http admin = TestApps.http(first);
            Http.Response user = admin.postJson("/users", "{\"username\":\"platform-a\",\"roles\":[\"caller\"]}");
            assertThat(user.status()).as(user.body()).isEqualTo(201);
            platform = new Http.Credentials("platform-a", user.json().at("/password").asString());

            Http.Response upload = admin.postFiles("/rule-sets", Map.of("comment", "with the risk map"), all);
            assertThat(upload.status()).as(upload.body()).isEqualTo(201);
            assertThat(upload.json().at("/id").asString()).isEqualTo("v2");
            Http.Response activation = admin.postJson("/rule-sets/v2/activation", "");
            assertThat(activation.status()).as(activation.body()).isEqualTo(200);

            Http caller = admin.as(platform);
            Http.Response decided = caller.postJson("/evaluations", single);
            assertThat(decided.status()).as(decided.body()).isEqualTo(200);
            assertThat(decided.json().at("/ruleSet/id").asString()).isEqualTo("v2");
            Http.Response batch = caller.postJson("/evaluations/batch", "{\"situations\":[" + single + "," + other
                    + "]}");
            assertThat(batch.status()).as(batch.body()).isEqualTo(200);
            evaluationIds = Stream.concat(Stream.of(decided.json().at("/evaluationId").asString()),
                    batch.json().at("/results").valueStream().map(i -> i.at("/evaluation/evaluationId").asString()))
                    .toList();

            Http.Response replay = admin.postForm("/replays", Map.of("example",
                    "covid-2020-zhejiang-hubei-guangdong.csv", "source", "canghailan", "actualExample",
                    "covid-2020-response-levels.csv"), List.of());
            assertThat(replay.status()).as(replay.body()).isEqualTo(202);
            replayId = replay.json().at("/id").asString();
            ChildService.waitUntil(() -> !admin.get("/replays/" + replayId).json().at("/status").asString()
                    .matches("queued|running"), Duration.ofMinutes(2), "the replay to end");
            assertThat(admin.get("/replays/" + replayId).json().at("/status").asString()).isEqualTo("done");
            steps = admin.download("/replays/" + replayId + "/steps.csv").body();
            report = admin.download("/replays/" + replayId + "/report.xlsx").body();

            for (String path : paths(evaluationIds, replayId)) {
                Http.Response r = admin.get(path);
                assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
                before.put(path, r.body());
            }
        }
        try (Stream<Path> files = Files.list(root.resolve("data"))) {
            assertThat(files.map(f -> f.getFileName().toString())).as("the database is a file in beacon.data-dir")
                    .contains("beacon.mv.db");
        }

        try (ConfigurableApplicationContext second = TestApps.start(tables, data, examples)) {
            Http admin = TestApps.http(second);
            Http.Response me = admin.as(platform).get("/users/me");
            assertThat(me.status()).as("the created user still signs in").isEqualTo(200);
            for (Map.Entry<String, String> e : before.entrySet()) {
                Http.Response r = admin.get(e.getKey());
                assertThat(r.status()).as(e.getKey()).isEqualTo(200);
                assertThat(r.json()).as(e.getKey()).isEqualTo(JSON.readTree(e.getValue()));
            }
            JsonNode versions = admin.get("/rule-sets").json();
            assertThat(versions.valueStream().map(v -> v.at("/id").asString() + " " + v.at("/status").asString()
                    + " " + v.at("/inForceToday").asBoolean())).containsExactly("v1 retired false", "v2 active true");
            assertThat(admin.get("/rule-sets/events").json().valueStream().map(e -> e.at("/kind").asString() + " "
                    + e.at("/ruleSetId").asString())).containsExactly("activation v1", "activation v2");
            assertThat(admin.postJson("/evaluations", single).json().at("/ruleSet/id").asString()).isEqualTo("v2");
            assertThat(admin.get("/evaluations?eventType=sars").json().at("/total").asInt()).isEqualTo(1);
            Http.Binary stepsAgain = admin.download("/replays/" + replayId + "/steps.csv");
            assertThat(stepsAgain.status()).isEqualTo(200);
            assertThat(stepsAgain.body()).isEqualTo(steps);
            Http.Binary reportAgain = admin.download("/replays/" + replayId + "/report.xlsx");
            assertThat(reportAgain.status()).isEqualTo(200);
            assertThat(reportAgain.body()).isEqualTo(report);
        }
    }

    /** What a user reads back: users, versions, events, each audited decision, the replay. */
    private static List<String> paths(List<String> evaluationIds, String replayId) {
        return Stream.of(Stream.of("/users", "/users/platform-a", "/rule-sets", "/rule-sets/v1", "/rule-sets/v2",
                "/rule-sets/events", "/replays/" + replayId), evaluationIds.stream().map(id -> "/evaluations/" + id))
                .flatMap(s -> s).toList();
    }
}
