package org.beacon.service.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.beacon.rules.WorkbookBuilder;
import org.beacon.rules.Workbooks;
import org.beacon.service.ChildService;
import org.beacon.service.CrashedRun;
import org.beacon.service.Http;
import org.beacon.service.TestApps;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A run left running by a crash is not shown as running for ever: the instance's own next start marks it failed at
 * once and deletes its part files; another instance's start does so only once the run's heartbeat is stale.
 */
class ReplayRestartTest {

    private final String dataDir = "./target/replay-restart-test-" + System.nanoTime();

    private ConfigurableApplicationContext start() {
        return TestApps.start("--beacon.data-dir=" + dataDir, "--beacon.tables-dir=" + Workbooks.root().resolve("tables"));
    }

    @Test
    void marksARunLeftRunningByACrashAsFailed() throws Exception {
        start().close();
        UUID id = UUID.randomUUID();
        CrashedRun crash = CrashedRun.twoMinutesAgo();
        crash.write(dataDir, "insert into replay (id, created_at, caller, status, timeline_name, timeline_sha256,"
                + " rule_sets, inputs_json, steps_total, steps_done, started_at, instance_id, heartbeat_at) values"
                + " (?, ?, 'test', 'running', 'covid.csv', ?, 'v1', '{\"timeline\":\"covid.csv\"}', 509, 200, ?,"
                + " 'crashed', ?)", id, crash.started(), "0".repeat(64), crash.started(), crash.heartbeat());
        try (ConfigurableApplicationContext second = start()) {
            Http http = TestApps.http(second);
            JsonNode run = http.get("/replays/" + id).json();
            assertThat(run.at("/status").asString()).isEqualTo("failed");
            assertThat(run.at("/error").asString()).startsWith("interrupted by a restart");
            assertThat(run.at("/progress/stepsDone").asInt()).isEqualTo(200);
            assertThat(http.get("/replays/" + id + "/steps.csv").status()).isEqualTo(409);
        }
    }

    /** A folder with a one-workbook rule set (a replay of any timeline runs through it) and a data folder. */
    private static Path folder(String name) throws Exception {
        Path root = Path.of("target", name + "-" + System.nanoTime());
        Files.createDirectories(root.resolve("tables"));
        Files.write(root.resolve("tables/cholera.xlsx"), WorkbookBuilder.cholera().bytes());
        return root;
    }

    /**
     * The arguments for a folder: its tables and data, the repository's examples, and heartbeats that go stale only
     * after an hour.
     */
    private static String[] arguments(Path root, String... more) {
        return Stream.concat(Stream.of("--beacon.tables-dir=./" + root.resolve("tables"),
                "--beacon.data-dir=./" + root.resolve("data"), "--beacon.replays.stale-after=1h",
                "--beacon.examples-dir=" + Workbooks.root().resolve("examples")), Stream.of(more))
                .toArray(String[]::new);
    }

    private static Path partFile(Path root, String id) {
        return root.resolve("data/replays/" + id + "/steps.csv.part");
    }

    @Test
    void aKilledInstanceTakesOverItsRunningReplayAtItsNextStartAndDeletesItsPartFiles() throws Exception {
        Path root = folder("replay-kill");
        String id;
        try (ChildService child = ChildService.start(root.resolve("child.log"), arguments(root,
                "--beacon.fault-injection.replay-pause=10m"))) {
            Http.Response started = Replays.start(child.http(), Replays.covid());
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            id = started.json().at("/id").asString();
            child.awaitLog("fault injection: pausing the replay " + id, ChildService.PATIENCE);
            assertThat(child.http().get("/replays/" + id).json().at("/status").asString()).isEqualTo("running");
            assertThat(partFile(root, id)).exists();
            assertThat(child.kill()).as("killed by SIGKILL").isEqualTo(ChildService.KILLED);
        }
        try (ConfigurableApplicationContext restarted = TestApps.start(arguments(root))) {
            JsonNode run = TestApps.http(restarted).get("/replays/" + id).json();
            assertThat(run.at("/status").asString()).as("at once, not after the stale heartbeat's hour")
                    .isEqualTo("failed");
            assertThat(run.at("/error").asString()).startsWith("interrupted by a restart");
            assertThat(partFile(root, id)).doesNotExist();
            assertThat(root.resolve("data/replays/" + id)).doesNotExist();
        }
    }

    @Test
    void aSecondInstanceOnTheSameDataFolderLeavesTheFirstInstancesRunningReplayAlone() throws Exception {
        Path root = folder("replay-two");
        try (ConfigurableApplicationContext first = TestApps.start(arguments(root,
                "--beacon.fault-injection.replay-pause=10m"))) {
            Http http = TestApps.http(first);
            Http.Response started = Replays.start(http, Replays.covid());
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            String id = started.json().at("/id").asString();
            ChildService.waitUntil(() -> Files.exists(partFile(root, id)), ChildService.PATIENCE,
                    "the replay's part file");
            try (ConfigurableApplicationContext second = TestApps.start(arguments(root))) {
                assertThat(TestApps.http(second).get("/replays/" + id).json().at("/status").asString())
                        .isEqualTo("running");
                assertThat(partFile(root, id)).exists();
            }
            assertThat(http.get("/replays/" + id).json().at("/status").asString()).isEqualTo("running");
        }
    }
}
