package org.beacon.service.ruleset;

import org.beacon.service.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.beacon.service.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Activation swaps the rule set atomically: while versions are activated and rolled back again and again, every
 * evaluation succeeds and is decided wholly by the version it names (versions differ in the grade of 25 cases).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.context.annotation.Import(TestUsers.class)
class HotSwapTest {

    static final Path ROOT = Path.of("target", "hot-swap-" + System.nanoTime());

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        GradingWorkbooks.startWithVersionOne(ROOT, registry);
    }

    /** What each version answers for 25 cases: grade Ⅱ from its threshold, Ⅲ from 10. */
    private static final Map<String, String> GRADE_FOR_25 = new ConcurrentHashMap<>(Map.of("v1", "Ⅲ"));

    private String upload(int iiFrom) {
        Http.Response r = new Http(port, users.admin()).postFiles("/rule-sets", Map.of(), Map.of("grading.xlsx",
                GradingWorkbooks.grading(iiFrom)));
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        String id = r.json().at("/id").asString();
        GRADE_FOR_25.put(id, iiFrom <= 25 ? "Ⅱ" : "Ⅲ");
        return id;
    }

    @Test
    void everyEvaluationDuringActivationsNamesTheVersionThatDecidedIt() throws Exception {
        String before = new Http(port, users.admin()).get("/actuator/health/ruleSet").json().at("/details/id").asString();
        String v2 = upload("Ⅲ".equals(GRADE_FOR_25.get(before)) ? 25 : 26);
        Map<String, String> expected = GRADE_FOR_25;
        assertThat(expected.get(v2)).as("the two versions answer differently").isNotEqualTo(expected.get(before));
        AtomicBoolean swapping = new AtomicBoolean(true);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<String> wrong = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> clients = new ArrayList<>();
        String body = "{\"eventType\":\"cholera\",\"region\":{\"code\":\"1\"},\"indicators\":{\"cases\":25}}";
        for (int t = 0; t < 4; t++) {
            clients.add(pool.submit(() -> {
                Http http = new Http(port, users.admin());
                int n = 0;
                // bounded: stops when swapping stops, and after 5,000 requests at most
                while ((swapping.get() || n < 20) && n < 5_000) {
                    Http.Response r = http.postJson("/evaluations?explain=false", body);
                    n++;
                    if (r.status() != 200) {
                        wrong.add("status " + r.status() + ": " + r.body());
                        continue;
                    }
                    JsonNode d = r.json();
                    String id = d.at("/ruleSet/id").asString();
                    seen.add(id);
                    if (!expected.getOrDefault(id, "?").equals(d.at("/grade/numeral").asString())) {
                        wrong.add(id + " answered " + d.at("/grade/numeral").asString());
                    }
                }
                return n;
            }));
        }
        Http admin = new Http(port, users.admin());
        try {
            for (int i = 0; i < 10; i++) {
                assertThat(admin.postJson("/rule-sets/" + v2 + "/activation", "").status()).isEqualTo(200);
                Thread.sleep(30);
                assertThat(admin.postJson("/rule-sets/" + v2 + "/rollback", "").status()).isEqualTo(200);
                Thread.sleep(30);
            }
        } finally {
            swapping.set(false);
        }
        int requests = 0;
        for (Future<Integer> f : clients) {
            requests += f.get();
        }
        pool.shutdown();
        assertThat(wrong).as("failed or inconsistent answers").isEmpty();
        assertThat(requests).isGreaterThan(80);
        assertThat(seen).as("both versions answered during the run").containsExactlyInAnyOrder(before, v2);
    }

    @Test
    void everyDraftStillAnswersWithItsOwnThresholdAfterManyMoreUploads() {
        // more versions than the registry keeps compiled: the first ones are compiled again from the database
        Map<Integer, String> byThreshold = new java.util.LinkedHashMap<>();
        for (int iiFrom = 40; iiFrom < 52; iiFrom++) {
            byThreshold.put(iiFrom, upload(iiFrom));
        }
        Http admin = new Http(port, users.admin());
        byThreshold.forEach((iiFrom, id) -> {
            for (int cases : new int[] {iiFrom - 1, iiFrom}) {
                Http.Response r = admin.postJson("/evaluations?explain=false&ruleSet=" + id, "{\"eventType\":"
                        + "\"cholera\",\"region\":{\"code\":\"1\"},\"indicators\":{\"cases\":" + cases + "}}");
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                assertThat(r.json().at("/ruleSet/id").asString()).isEqualTo(id);
                assertThat(r.json().at("/grade/numeral").asString()).as("%s, %d cases", id, cases)
                        .isEqualTo(cases >= iiFrom ? "Ⅱ" : "Ⅲ");
            }
        });
    }

    @Test
    void twoSimultaneousActivationsNeverBothWinAndNeverFail() throws Exception {
        String a = upload(24);
        String b = upload(23);
        for (int round = 0; round < 10; round++) {
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Future<Integer> first = pool.submit(() -> {
                start.await();
                return new Http(port, users.admin()).postJson("/rule-sets/" + a + "/activation", "").status();
            });
            Future<Integer> second = pool.submit(() -> {
                start.await();
                return new Http(port, users.admin()).postJson("/rule-sets/" + b + "/activation", "").status();
            });
            start.countDown();
            List<Integer> statuses = List.of(first.get(), second.get());
            pool.shutdown();
            assertThat(statuses).allMatch(s -> s == 200 || s == 409).contains(200);
            String inForce = new Http(port, users.admin()).get("/actuator/health/ruleSet").json().at("/details/id").asString();
            assertThat(inForce).isIn(a, b);
        }
        JsonNode events = new Http(port, users.admin()).get("/rule-sets/events").json();
        assertThat(events.valueStream().map(e -> e.at("/sequence").asInt()).distinct().count())
                .isEqualTo(events.size());
    }
}
