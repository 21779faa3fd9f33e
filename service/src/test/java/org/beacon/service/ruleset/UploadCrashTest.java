package org.beacon.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.beacon.service.BeaconApplication;
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

    private final Path root = Path.of("target", "crash-" + System.nanoTime());

    @Test
    void aKilledUploadLeavesNothingAndTheActiveVersionUnchanged() throws Exception {
        Files.createDirectories(root.resolve("tables"));
        Files.write(root.resolve("tables/grading.xlsx"), GradingWorkbooks.grading(30));
        int port = freePort();
        Path log = root.resolve("child.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BeaconApplication.class.getName(),
                "--server.port=" + port, "--server.address=127.0.0.1",
                "--beacon.security.initial-admin-password=" + TestApps.ADMIN.password(),
                "--beacon.tables-dir=./" + root.resolve("tables"), "--beacon.data-dir=./" + root.resolve("data"),
                "--beacon.fault-injection.upload-pause=60s")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Http http = new Http(port, TestApps.ADMIN);
            waitUntil(() -> isUp(http), 60_000, "the child service to start");
            CompletableFuture.runAsync(() -> http.postFiles("/rule-sets", Map.of("comment", "killed"),
                    Map.of("grading.xlsx", GradingWorkbooks.grading(25))));
            waitUntil(() -> Files.readString(log).contains("fault injection: pausing the upload of v2"), 30_000,
                    "the upload to reach its transaction");
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        try (ConfigurableApplicationContext restarted = TestApps.start(
                "--beacon.tables-dir=./" + root.resolve("tables"),
                "--beacon.data-dir=./" + root.resolve("data"))) {
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

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void waitUntil(Check check, long millis, String what) throws Exception {
        long end = System.currentTimeMillis() + millis;
        while (!check.ok()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    private static boolean isUp(Http http) {
        try {
            return http.get("/actuator/health").status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

}
