package org.beacon.service.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.beacon.rules.Workbooks;
import org.beacon.service.ChildService;
import org.beacon.service.Http;
import org.beacon.service.TestApps;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service killed (SIGKILL) while clients send it single and batch evaluations: after a restart on the same H2
 * file, every decision whose answer a client received is in the audit trail as it was answered, and every batch in
 * the audit trail is there whole.
 */
class EvaluationCrashTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CLIENTS = 4;
    /** Requests per client at most; the kill normally comes long before. */
    private static final int MAX_REQUESTS_PER_CLIENT = 100;
    /** Generous: on a loaded machine the child may take long to answer its first 24; the kill comes after them. */
    private static final Duration MAX_TRAFFIC = Duration.ofMinutes(2);
    /** Over 500, the audit's JDBC batch size, so one batch takes several statements in its transaction. */
    private static final int[] BATCH_SIZES = {5, 40, 600};
    private static final String[] EXAMPLES = {"cholera-county-12.json", "sars-suspected-case.json",
        "measles-school-12-cases.json"};

    private final Path root = Path.of("target", "evaluation-crash-" + System.nanoTime());
    private final String tables = "--beacon.tables-dir=" + Workbooks.root().resolve("tables");
    private final String data = "--beacon.data-dir=./" + root.resolve("data");

    /** Decisions whose answer was received whole, by evaluation id. */
    private final Map<String, JsonNode> answered = new ConcurrentHashMap<>();
    private final AtomicInteger answers = new AtomicInteger();

    @Test
    void everyAnsweredDecisionSurvivesAKillAndNoBatchIsHalfStored() throws Exception {
        List<JsonNode> situations = new ArrayList<>();
        for (String example : EXAMPLES) {
            situations.add(JSON.readTree(Files.readString(Workbooks.root().resolve("examples/requests/" + example))));
        }
        try (ChildService child = ChildService.start(root.resolve("child.log"), tables, data)) {
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            long end = System.nanoTime() + MAX_TRAFFIC.toNanos();
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                running.add(clients.submit(() -> send(child.http(), situations, client, end)));
            }
            // Kill while every client still has requests in flight, after enough answers to be worth checking.
            ChildService.waitUntil(() -> answers.get() >= 24 || running.stream().anyMatch(Future::isDone),
                    MAX_TRAFFIC, "answers from the child");
            assertThat(running).as("clients still sending at the kill").noneMatch(Future::isDone);
            // The sharpest case: a decision answered a moment before the kill.
            Http.Response last = child.http().postJson("/evaluations", situation(situations, 0, "single").toString());
            assertThat(child.kill()).as("killed by SIGKILL").isEqualTo(ChildService.KILLED);
            assertThat(last.status()).as(last.body()).isEqualTo(200);
            answered.put(last.json().at("/evaluationId").asString(), last.json());
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(answered).hasSizeGreaterThan(24);

        try (ConfigurableApplicationContext restarted = TestApps.start(tables, data)) {
            Http http = TestApps.http(restarted);
            answered.forEach((id, decision) -> {
                Http.Response stored = http.get("/evaluations/" + id);
                assertThat(stored.status()).as("answered decision %s in the audit trail", id).isEqualTo(200);
                assertThat(stored.json()).as("decision %s as it was answered", id).isEqualTo(decision);
            });
            Map<String, List<JsonNode>> batches = auditTrail(http).stream().filter(e -> !e.at("/batchId").isNull())
                    .collect(Collectors.groupingBy(e -> e.at("/batchId").asString()));
            assertThat(batches).isNotEmpty();
            batches.forEach((batchId, rows) -> {
                int size = Integer.parseInt(rows.get(0).at("/regionName").asString().substring("batch of ".length()));
                assertThat(rows.stream().map(r -> r.at("/batchIndex").asInt()).sorted().toList())
                        .as("batch %s of %d situations, whole", batchId, size)
                        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, size).boxed().toList());
            });
        }
    }

    /** One client: singles and batches in turn until the child is gone, the time is up or it sent its share. */
    private void send(Http http, List<JsonNode> situations, int client, long end) {
        for (int n = 0; n < MAX_REQUESTS_PER_CLIENT && System.nanoTime() < end; n++) {
            try {
                if (n % 2 == 0) {
                    Http.Response r = http.postJson("/evaluations", situation(situations, client + n, "single")
                            .toString());
                    if (r.status() == 200) {
                        answered.put(r.json().at("/evaluationId").asString(), r.json());
                        answers.incrementAndGet();
                    }
                } else {
                    int size = BATCH_SIZES[(client + n / 2) % BATCH_SIZES.length];
                    ObjectNode body = JSON.createObjectNode();
                    var list = body.putArray("situations");
                    for (int i = 0; i < size; i++) {
                        list.add(situation(situations, i, "batch of " + size));
                    }
                    Http.Response r = http.postJson("/evaluations/batch", body.toString());
                    if (r.status() == 200) {
                        r.json().at("/results").forEach(item -> answered.put(
                                item.at("/evaluation/evaluationId").asString(), item.at("/evaluation")));
                        answers.incrementAndGet();
                    }
                }
            } catch (RuntimeException e) {
                return; // the child was killed: the connection failed
            }
        }
    }

    /** The situation of the i-th example, its region named so the audit trail tells what a row belongs to. */
    private static ObjectNode situation(List<JsonNode> situations, int i, String regionName) {
        ObjectNode s = (ObjectNode) situations.get(i % situations.size()).deepCopy();
        ((ObjectNode) s.get("region")).put("name", regionName);
        return s;
    }

    private static List<JsonNode> auditTrail(Http http) {
        List<JsonNode> rows = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode items = http.get("/evaluations?size=500&page=" + page).json().at("/items");
            if (items.isEmpty()) {
                return rows;
            }
            items.forEach(rows::add);
        }
    }
}
