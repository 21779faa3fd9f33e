package org.beacon.service.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.beacon.rules.Workbooks;
import org.beacon.service.Http;
import org.beacon.service.TestApps;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** A run left running by a crash is not shown as running for ever: the next start marks it failed. */
class ReplayRestartTest {

    private final String dataDir = "./target/replay-restart-test-" + System.nanoTime();

    private ConfigurableApplicationContext start() {
        return TestApps.start("--beacon.data-dir=" + dataDir, "--beacon.tables-dir=" + Workbooks.root().resolve("tables"));
    }

    @Test
    void marksARunLeftRunningByACrashAsFailed() throws Exception {
        start().close();
        UUID id = UUID.randomUUID();
        // what a service that crashed two minutes ago, in the middle of a run, leaves in its database
        OffsetDateTime crashed = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(2);
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir + "/beacon", "sa", "");
                PreparedStatement s = c.prepareStatement("insert into replay (id, created_at, caller, status,"
                        + " timeline_name, timeline_sha256, rule_sets, inputs_json, steps_total, steps_done,"
                        + " started_at, instance_id, heartbeat_at) values (?, ?, 'test', 'running', 'covid.csv',"
                        + " ?, 'v1', '{\"timeline\":\"covid.csv\"}', 509, 200, ?, 'crashed', ?)")) {
            s.setObject(1, id);
            s.setObject(2, crashed.minusMinutes(1));
            s.setString(3, "0".repeat(64));
            s.setObject(4, crashed.minusMinutes(1));
            s.setObject(5, crashed);
            s.executeUpdate();
        }
        try (ConfigurableApplicationContext second = start()) {
            Http http = TestApps.http(second);
            JsonNode run = http.get("/replays/" + id).json();
            assertThat(run.at("/status").asString()).isEqualTo("failed");
            assertThat(run.at("/error").asString()).startsWith("interrupted by a restart");
            assertThat(run.at("/progress/stepsDone").asInt()).isEqualTo(200);
            assertThat(http.get("/replays/" + id + "/steps.csv").status()).isEqualTo(409);
        }
    }
}
