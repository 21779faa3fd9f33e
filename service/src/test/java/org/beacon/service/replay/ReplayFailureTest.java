package org.beacon.service.replay;

import org.beacon.service.TestUsers;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.beacon.service.Http;
import org.beacon.service.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Runs that fail, and a service with no place left: what a caller sees, and what stays on disk. */
@ServiceTest
class ReplayFailureTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    ReplayFolders beacon;

    @Autowired
    ReplayExecutor executor;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("beacon.replays.concurrent-runs", () -> "1");
        registry.add("beacon.replays.queue-size", () -> "0");
        registry.add("beacon.fault-injection.replay-failure-after-steps", () -> "100");
    }

    private Http http() {
        return new Http(port, users.admin());
    }

    @Test
    void aRunThatFailsSaysSoAndLeavesNoResultFile() throws IOException {
        JsonNode run = Replays.run(http(), Replays.covid());
        String id = run.at("/id").asString();
        assertThat(run.at("/status").asString()).isEqualTo("failed");
        assertThat(run.at("/error").asString()).startsWith("the replay failed after ")
                .doesNotContain("fault injection", "Exception");
        assertThat(run.at("/finishedAt").asString()).isNotEmpty();
        assertThat(run.at("/progress/stepsDone").asLong()).isBetween(100L, 508L);
        assertThat(run.has("summary")).isFalse();

        for (String file : List.of("steps.csv", "report.xlsx")) {
            Http.Response r = http().get("/replays/" + id + "/" + file);
            assertThat(r.status()).as(file).isEqualTo(409);
            assertThat(r.json().at("/type").asString()).isEqualTo("urn:beacon:problem:replay-not-finished");
            assertThat(r.json().at("/status").asString()).isEqualTo("failed");
        }
        Path folder = beacon.dataPath().resolve("replays").resolve(id);
        if (Files.exists(folder)) {
            try (Stream<Path> left = Files.list(folder)) {
                assertThat(left.toList()).as("neither a half file nor a part file stays").isEmpty();
            }
        }
    }

    @Test
    void refusesWith503WhenEveryPlaceIsTakenAndStoresNothing() {
        ReplayExecutor.Place place = takeThePlace();
        long before;
        try {
            before = http().get("/replays").json().at("/total").asLong();
            Http.Response r = Replays.start(http(), Replays.covid());
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().at("/type").asString()).isEqualTo("urn:beacon:problem:replays-busy");
            assertThat(r.header("Retry-After")).isEqualTo("30");
            assertThat(http().get("/replays").json().at("/total").asLong()).isEqualTo(before);
        } finally {
            place.cancel();
        }
        Http.Response again = Replays.start(http(), Replays.covid());
        assertThat(again.status()).as("the place is free again").isEqualTo(202);
        Replays.awaitEnd(http(), again.json().at("/id").asString());
    }

    /** The only place, once a run of another test has released it (it does so just after recording its end). */
    private ReplayExecutor.Place takeThePlace() {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (true) {
            try {
                return executor.reserve();
            } catch (ReplaysBusyException e) {
                assertThat(Instant.now()).as("the place is released").isBefore(deadline);
                Thread.onSpinWait();
            }
        }
    }
}
