package org.beacon.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.beacon.service.ChildService;
import org.beacon.service.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18, H1: workbooks within every reading limit that would not fit a 1 GB heap once compiled, three in one
 * request and one in each of three concurrent requests, are refused before they are compiled (or wait their turn)
 * with answers that say why; every evaluation sent meanwhile is decided, and afterwards the service uploads,
 * activates and decides a normal version as before. The service runs in a child JVM started as the README starts
 * it, with {@code -Xmx1g} and {@code -XX:+ExitOnOutOfMemoryError}, and the default limits.
 */
class LargeUploadsTest {

    /** About 20,000 rows, as the sweep's workbooks: within the 20,000 rows a sheet may have. */
    private static final int ROWS = 19_990;
    /** Only guards against a hung service; the refusals come within seconds. */
    private static final Duration GUARD = Duration.ofMinutes(5);

    @Test
    void tablesTooLargeToCompileAreRefusedWhileEvaluationsGoOnAndTheServiceStaysUsable() throws Exception {
        Map<String, byte[]> three = new LinkedHashMap<>();
        for (int i = 1; i <= 3; i++) {
            three.put("large-" + i + ".xlsx", LargeWorkbooks.dictionaryAndTable("Large" + i, ROWS));
        }
        GradingFolder folder = GradingFolder.create("large-uploads");
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try (ChildService child = ChildService.start(folder.log("child.log"),
                List.of("-Xmx1g", "-XX:+ExitOnOutOfMemoryError"), folder.arguments())) {
            Http http = child.http();
            Evaluations evaluations = new Evaluations(http, clients);

            // replace=all: the version is these workbooks alone, as the sweep uploaded them, not added to v1's
            Http.Response together = within(CompletableFuture.supplyAsync(() -> http.postFiles("/rule-sets",
                    Map.of("replace", "all"), three), clients));
            assertThat(together.status()).as(together.body()).isEqualTo(422);
            assertTooLarge(together, "59,970 rule rows");

            byte[] one = three.get("large-1.xlsx");
            List<CompletableFuture<Http.Response>> concurrent = IntStream.range(0, 3).mapToObj(i ->
                    CompletableFuture.supplyAsync(() -> http.postFiles("/rule-sets", Map.of("replace", "all"),
                            Map.of("large.xlsx", one)), clients)).toList();
            for (CompletableFuture<Http.Response> upload : concurrent) {
                Http.Response r = within(upload);
                if (r.status() == 503) {
                    assertThat(r.json().at("/type").asString()).isEqualTo("urn:beacon:problem:compiles-busy");
                    assertThat(Integer.parseInt(r.header("Retry-After"))).isPositive();
                } else {
                    assertThat(r.status()).as(r.body()).isEqualTo(422);
                    assertTooLarge(r, "19,990 rule rows");
                }
            }

            List<Integer> decided = evaluations.stop();
            assertThat(decided).as("evaluations sent during the uploads").isNotEmpty().containsOnly(200);
            assertThat(http.get("/rule-sets").json().valueStream().map(v -> v.at("/id").asString()))
                    .as("nothing stored").containsExactly("v1");

            Http.Response normal = http.postFiles("/rule-sets", Map.of(), Map.of("grading.xlsx",
                    GradingWorkbooks.grading(25)));
            assertThat(normal.status()).as(normal.body()).isEqualTo(201);
            assertThat(http.postJson("/rule-sets/v2/activation", "").status()).isEqualTo(200);
            JsonNode decision = http.postJson("/evaluations", situation(27)).json();
            assertThat(decision.at("/ruleSet/id").asString()).isEqualTo("v2");
            assertThat(decision.at("/grade/numeral").asString()).isEqualTo("Ⅱ");
        } finally {
            clients.shutdownNow();
        }
    }

    private static void assertTooLarge(Http.Response r, String size) {
        JsonNode diagnostics = r.json().at("/diagnostics");
        assertThat(diagnostics.valueStream().map(d -> d.at("/code").asString())).containsExactly("RULE_SET_TOO_LARGE");
        assertThat(diagnostics.at("/0/detail").asString()).contains(size).contains("the limit is 10,000")
                .contains("ranges").contains("split");
    }

    private static Http.Response within(CompletableFuture<Http.Response> request) throws Exception {
        return request.get(GUARD.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String situation(int cases) {
        return "{\"eventType\":\"cholera\",\"region\":{\"code\":\"330106\"},\"indicators\":{\"cases\":" + cases + "}}";
    }

    /** Decides one situation after another on a thread of its own until stopped; a request that fails counts as 0. */
    private static final class Evaluations {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Integer> statuses = new ArrayList<>();
        private final CompletableFuture<Void> loop;

        Evaluations(Http http, ExecutorService thread) {
            loop = CompletableFuture.runAsync(() -> {
                while (running.get()) {
                    int status;
                    try {
                        status = http.postJson("/evaluations", situation(12)).status();
                    } catch (RuntimeException e) {
                        status = 0;
                    }
                    synchronized (statuses) {
                        statuses.add(status);
                    }
                }
            }, thread);
        }

        List<Integer> stop() throws Exception {
            running.set(false);
            loop.get(GUARD.toMillis(), TimeUnit.MILLISECONDS);
            synchronized (statuses) {
                return List.copyOf(statuses);
            }
        }
    }
}
