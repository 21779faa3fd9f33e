package org.beacon.service.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.beacon.rules.Workbooks;
import org.beacon.service.CrashedRun;
import org.beacon.service.Http;
import org.beacon.service.RunPolling;
import org.beacon.service.TestApps;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** Impact runs are kept across restarts: a finished one with its report, one cut off by a crash as failed. */
class ImpactRestartTest {

    private final String dataDir = "./target/impact-restart-test-" + System.nanoTime();

    private ConfigurableApplicationContext start() {
        return TestApps.start("--beacon.data-dir=" + dataDir, "--beacon.tables-dir="
                + Workbooks.root().resolve("tables"), "--beacon.examples-dir=" + Workbooks.root().resolve("examples"));
    }

    @Test
    void aFinishedRunAndItsReportAreStillThereAfterARestart() {
        String self;
        JsonNode before;
        try (ConfigurableApplicationContext first = start()) {
            Http http = TestApps.http(first);
            Http.Response accepted = http.postForm("/rule-sets/v1/impact", java.util.Map.of("example",
                    "covid-2020-zhejiang-hubei-guangdong.csv", "source", "canghailan"), java.util.List.of());
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            self = accepted.json().at("/links/self").asString();
            before = RunPolling.awaitEnd(http, self);
            assertThat(before.at("/status").asString()).as(before.toString()).isEqualTo("done");
        }
        try (ConfigurableApplicationContext second = start()) {
            Http http = TestApps.http(second);
            JsonNode after = http.get(self).json();
            assertThat(after.at("/status").asString()).isEqualTo("done");
            assertThat(after.at("/report")).isEqualTo(before.at("/report"));
            assertThat(after.at("/timeline")).isEqualTo(before.at("/timeline"));
            assertThat(http.download(self + "/report.xlsx").status()).isEqualTo(200);
            assertThat(http.get("/rule-sets/v1/impact").json().at("/items/0/links/self").asString())
                    .isEqualTo(self);
        }
    }

    @Test
    void marksARunLeftRunningByACrashAsFailed() throws Exception {
        start().close();
        UUID id = UUID.randomUUID();
        CrashedRun crash = CrashedRun.twoMinutesAgo();
        crash.write(dataDir, "insert into analysis_run (id, kind, rule_set, created_at, caller, status, inputs_json,"
                + " steps_total, steps_done, started_at, instance_id, heartbeat_at) values (?, 'impact', 'v1', ?,"
                + " 'test', 'running', '{\"comparedWith\":\"v1\"}', 1000, 400, ?, 'crashed', ?)", id, crash.started(),
                crash.started(), crash.heartbeat());
        try (ConfigurableApplicationContext second = start()) {
            Http http = TestApps.http(second);
            JsonNode run = http.get("/rule-sets/v1/impact/" + id).json();
            assertThat(run.at("/status").asString()).isEqualTo("failed");
            assertThat(run.at("/error").asString()).startsWith("interrupted by a restart");
            assertThat(run.at("/progress/done").asInt()).isEqualTo(400);
            Http.Response report = http.get("/rule-sets/v1/impact/" + id + "/report.xlsx");
            assertThat(report.status()).isEqualTo(409);
            assertThat(report.json().at("/detail").asString()).contains("failed", "interrupted by a restart");
        }
    }
}
