package org.beacon.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.beacon.service.Http;
import org.beacon.service.ServiceTest;
import org.beacon.service.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Situations, batches and risk maps generated from the dictionary of the bundled tables and from random JSON
 * ({@link RequestGenerator}): every one is decided or refused with a 4xx problem+json of bounded size, never a 500,
 * and a refused batch item never changes its neighbours, which are decided as when sent alone.
 *
 * <p>Each try is one test in the report, named with its seed; try {@code n} is generated from
 * {@code new Random(SEED + n)}, so a failure reruns from its seed alone. Change {@code SEED} locally to explore
 * further.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedRequestsTest {

    private static final long SEED = 20261801L;
    private static final int SITUATIONS = 250;
    private static final int RANDOM_BODIES = 60;
    private static final int BATCHES = 40;
    private static final int RISK_MAPS = 60;
    /** The longest problem accepted: the corpus's bound, whatever was sent. */
    private static final int MAX_PROBLEM = 16_000;

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    private final List<RequestGenerator.Indicator> dictionary = new ArrayList<>();

    private Http caller() {
        return new Http(port, users.caller());
    }

    @BeforeAll
    void readTheDictionary() {
        Http.Response r = caller().get("/indicators");
        assertThat(r.status()).isEqualTo(200);
        r.json().forEach(n -> dictionary.add(RequestGenerator.Indicator.of(n)));
        assertThat(dictionary).isNotEmpty();
    }

    private Stream<DynamicTest> tries(String what, int tries, long seed, Function<RequestGenerator, String> make,
            java.util.function.BiConsumer<String, RequestGenerator> check) {
        return IntStream.rangeClosed(1, tries).mapToObj(n -> DynamicTest.dynamicTest(what + ", try " + n + " of "
                + tries + " (seed " + (seed + n) + ")", () -> {
                    RequestGenerator g = new RequestGenerator(new Random(seed + n), dictionary);
                    check.accept(make.apply(g), g);
                }));
    }

    @TestFactory
    Stream<DynamicTest> aGeneratedSituationIsDecidedOrRefusedWithAShortProblem() {
        return tries("situation", SITUATIONS, SEED, RequestGenerator::situation,
                (body, g) -> decidedOrRefused(caller().postJson("/evaluations", body), body));
    }

    @TestFactory
    Stream<DynamicTest> randomJsonIsRefusedWithAShortProblemWherever() {
        List<String> paths = List.of("/evaluations", "/evaluations/batch", "/risk-map");
        return tries("random JSON", RANDOM_BODIES, SEED + 1_000_000, g -> g.any(3), (body, g) -> {
            for (String path : paths) {
                decidedOrRefused(caller().postJson(path, body), path + " " + body);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> aBatchDecidesEachSituationAsAloneWhateverItsNeighbours() {
        return tries("batch", BATCHES, SEED + 2_000_000, RequestGenerator::batch, (body, g) -> {
            Http.Response batch = caller().postJson("/evaluations/batch", body);
            decidedOrRefused(batch, body);
            assertThat(batch.status()).as("a batch of objects and other JSON is answered item by item: %s", body)
                    .isEqualTo(200);
            JsonNode sent = batch.json().path("results");
            List<JsonNode> items = new ArrayList<>();
            tools.jackson.databind.json.JsonMapper.builder()
                    .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build()
                    .readTree(body).path("situations").forEach(items::add);
            assertThat(sent.size()).isEqualTo(items.size());
            for (int i = 0; i < items.size(); i++) {
                String item = items.get(i).toString();
                JsonNode result = sent.get(i);
                Http.Response alone = caller().postJson("/evaluations", item);
                decidedOrRefused(alone, item);
                if (result.path("error").isObject()) {
                    assertThat(result.at("/error/status").asInt()).isEqualTo(400);
                    assertThat(result.at("/error/errors/0/pointer").asString()).startsWith("/situations/" + i);
                    assertThat(alone.status()).as("refused in the batch, refused alone: %s", item).isEqualTo(400);
                } else {
                    assertThat(alone.status()).as("decided in the batch, decided alone: %s", item).isEqualTo(200);
                    JsonNode inBatch = result.path("evaluation");
                    JsonNode single = alone.json();
                    for (String part : List.of("/grade", "/warningColour", "/firedRules", "/areaRisk",
                            "/reporting", "/signals")) {
                        assertThat(inBatch.at(part)).as("%s of item %d as alone: %s", part, i, item)
                                .isEqualTo(single.at(part));
                    }
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> aGeneratedRiskMapIsColouredOrRefusedWithAShortProblem() {
        return tries("risk map", RISK_MAPS, SEED + 3_000_000, RequestGenerator::riskMap, (body, g) -> {
            Http.Response r = caller().postJson("/risk-map", body);
            decidedOrRefused(r, body);
            if (r.status() == 200) {
                assertThat(r.json().at("/count").asInt()).isEqualTo(r.json().at("/regions").size());
            }
        });
    }

    /** Without this, a generator that only made invalid requests would pass every try vacuously. */
    @Test
    void theGeneratorsReachBothDecisionsAndRefusals() {
        int decided = 0;
        int refused = 0;
        for (int n = 1; n <= 40; n++) {
            String body = new RequestGenerator(new Random(SEED + n), dictionary).situation();
            int status = caller().postJson("/evaluations", body).status();
            decided += status == 200 ? 1 : 0;
            refused += status == 400 ? 1 : 0;
        }
        assertThat(decided).as("situations decided of 40").isBetween(4, 36);
        assertThat(refused).as("situations refused of 40").isBetween(4, 36);
    }

    private static void decidedOrRefused(Http.Response r, String sent) {
        String shown = sent.length() > 3000 ? sent.substring(0, 3000) + "…" : sent;
        String said = "sent " + shown + "\nanswered " + (r.body().length() > 3000 ? r.body().substring(0, 3000)
                + "…" : r.body());
        assertThat(r.status()).as(said).isLessThan(500);
        if (r.status() == 200) {
            assertThat(r.json().isObject()).as(said).isTrue();
            return;
        }
        assertThat(r.status()).as(said).isBetween(400, 499);
        assertThat(r.contentType()).as(said).startsWith("application/problem+json");
        JsonNode problem = r.json();
        assertThat(problem.at("/type").asString()).as(said).matches("urn:beacon:problem:[a-z-]+");
        assertThat(problem.at("/status").asInt()).as(said).isEqualTo(r.status());
        assertThat(problem.at("/title").asString()).as(said).isNotBlank();
        assertThat(problem.at("/detail").asString()).as(said).isNotBlank();
        assertThat(r.body().length()).as("a short problem: %s", said).isLessThan(MAX_PROBLEM);
    }
}
