package org.beacon.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.beacon.service.ChildService;
import org.beacon.service.Http;
import org.beacon.service.TestApps;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A service killed (SIGKILL) in the middle of an upload, inside its database transaction, leaves no trace of it:
 * after a restart on the same H2 file the version does not exist, the active version is unchanged, and the same
 * upload succeeds.
 */
class UploadCrashTest {

    @Test
    void aKilledUploadLeavesNothingAndTheActiveVersionUnchanged() throws Exception {
        GradingFolder folder = GradingFolder.create("crash");
        try (ChildService child = ChildService.start(folder.log("child.log"),
                folder.arguments("--beacon.fault-injection.upload-pause=60s"))) {
            Http http = child.http();
            CompletableFuture.runAsync(() -> http.postFiles("/rule-sets", Map.of("comment", "killed"),
                    Map.of("grading.xlsx", GradingWorkbooks.grading(25))));
            child.awaitLog("fault injection: pausing the upload of v2", ChildService.PATIENCE);
            assertThat(child.kill()).as("killed by SIGKILL").isEqualTo(ChildService.KILLED);
        }

        try (ConfigurableApplicationContext restarted = TestApps.start(folder.arguments())) {
            Http http = TestApps.http(restarted);
            var versions = http.get("/rule-sets").json();
            assertThat(versions).hasSize(1);
            assertThat(versions.at("/0/id").asString()).isEqualTo("v1");
            assertThat(versions.at("/0/inForceToday").asBoolean()).isTrue();
            Http.Response again = http.postFiles("/rule-sets", Map.of(), Map.of("grading.xlsx",
                    GradingWorkbooks.grading(25)));
            assertThat(again.status()).as(again.body()).isEqualTo(201);
            assertThat(again.json().at("/id").asString()).isEqualTo("v2");
            assertThat(again.json().at("/workbooks")).hasSize(1);
        }
    }
}
