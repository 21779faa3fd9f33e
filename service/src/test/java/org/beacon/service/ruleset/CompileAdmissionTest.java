package org.beacon.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.beacon.service.ChildService;
import org.beacon.service.Http;
import org.junit.jupiter.api.Test;

/**
 * Compiles in flight are bounded: with both turns taken (two uploads held inside their compile by the test-only
 * pause), a third upload waits its second and is then refused with 503, Retry-After and nothing stored, while
 * evaluations and reads go on; once the two have finished, the same upload succeeds.
 */
class CompileAdmissionTest {

    private static final String PAUSED = "fault injection: pausing the compile of an upload";

    @Test
    void aThirdUploadWhileTwoCompileIsRefusedWith503AndStoresNothing() throws Exception {
        GradingFolder folder = GradingFolder.create("compile-admission");
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try (ChildService child = ChildService.start(folder.log("child.log"), folder.arguments(
                "--beacon.rule-sets.concurrent-compiles=2", "--beacon.rule-sets.compile-wait=1s",
                "--beacon.fault-injection.compile-pause=40s"))) {
            Http http = child.http();
            List<CompletableFuture<Http.Response>> paused = List.of(25, 26).stream().map(from ->
                    CompletableFuture.supplyAsync(() -> http.postFiles("/rule-sets", Map.of("comment", "Ⅱ from "
                            + from), Map.of("grading.xlsx", GradingWorkbooks.grading(from))), clients)).toList();
            ChildService.waitUntil(() -> child.log().split(PAUSED, -1).length - 1 == 2, ChildService.PATIENCE,
                    "both uploads inside their compile");

            Http.Response third = http.postFiles("/rule-sets", Map.of("comment", "Ⅱ from 27"),
                    Map.of("grading.xlsx", GradingWorkbooks.grading(27)));
            assertThat(third.status()).as(third.body()).isEqualTo(503);
            assertThat(third.contentType()).startsWith("application/problem+json");
            assertThat(third.json().at("/type").asString()).isEqualTo("urn:beacon:problem:compiles-busy");
            assertThat(third.json().at("/detail").asString()).contains("already compiling 2 rule set(s)")
                    .contains("nothing was stored");
            assertThat(Integer.parseInt(third.header("Retry-After"))).isPositive();
            assertThat(http.postJson("/evaluations", "{\"eventType\":\"cholera\",\"region\":{\"code\":\"330106\"},"
                    + "\"indicators\":{\"cases\":12}}").status()).as("an evaluation meanwhile").isEqualTo(200);

            for (CompletableFuture<Http.Response> upload : paused) {
                Http.Response r = upload.get(2, TimeUnit.MINUTES);
                assertThat(r.status()).as(r.body()).isEqualTo(201);
            }
            assertThat(http.get("/rule-sets").json().valueStream().map(v -> v.at("/comment").asString()))
                    .as("the refused upload left nothing").doesNotContain("Ⅱ from 27").hasSize(3);
            Http.Response again = http.postFiles("/rule-sets", Map.of("comment", "Ⅱ from 27"),
                    Map.of("grading.xlsx", GradingWorkbooks.grading(27)));
            assertThat(again.status()).as(again.body()).isEqualTo(201);
        } finally {
            clients.shutdownNow();
        }
    }
}
