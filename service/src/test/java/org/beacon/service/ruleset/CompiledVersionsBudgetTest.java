package org.beacon.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.beacon.service.ChildService;
import org.beacon.service.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 25, item 2: the compiled versions are held by their estimated size, not their number. A service given
 * {@code -Xmx512m} (so a compiled budget of a quarter of it, 128 MB) uploads ten 2,000-row versions one after the
 * other, each about 50 MB compiled by the estimate, and decides with each pinned ({@code ?ruleSet=}) as it comes: it
 * answers every one, never runs out of heap ({@code -XX:+ExitOnOutOfMemoryError} would end it), says in its log and
 * health which versions it evicted, and compiles an evicted one again when it is asked for.
 */
class CompiledVersionsBudgetTest {

    private static final int VERSIONS = 10;
    private static final int ROWS = 2_000;

    @Test
    void aSmallHeapDecidesWithTenLargeVersionsPinnedInTurnEvictingTheOldestAndSaysSo() throws Exception {
        GradingFolder folder = GradingFolder.create("compiled-budget");
        try (ChildService child = ChildService.start(folder.log("child.log"),
                List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError"), folder.arguments())) {
            Http http = child.http();
            List<String> ids = new ArrayList<>();
            for (int i = 1; i <= VERSIONS; i++) {
                Http.Response upload = http.postFiles("/rule-sets", Map.of("replace", "all"),
                        Map.of("generated.xlsx", LargeWorkbooks.dictionaryAndTable("Generated" + i, ROWS)));
                assertThat(upload.status()).as(upload.body()).isEqualTo(201);
                String id = upload.json().at("/id").asString();
                ids.add(id);
                assertDecidedWith(http, id);
            }

            JsonNode compiled = http.get("/actuator/health/ruleSet").json().at("/details/compiled");
            assertThat(compiled.at("/budgetBytes").asLong()).as("a quarter of -Xmx512m")
                    .isBetween(100_000_000L, 140_000_000L);
            assertThat(compiled.at("/heldBytes").asLong()).isPositive()
                    .isLessThanOrEqualTo(compiled.at("/budgetBytes").asLong());
            assertThat(compiled.at("/evictions").asLong()).as(compiled.toString()).isPositive();
            assertThat(compiled.at("/versions").valueStream().map(JsonNode::asString))
                    .as("the version in force is never evicted").contains("v1").doesNotContain(ids.get(0));
            String first = ids.get(0);
            assertThat(compiled.at("/lastEvicted").valueStream().map(JsonNode::asString).toList())
                    .isNotEmpty().isSubsetOf(ids);
            assertThat(child.log()).contains("compiled rule set " + first + " evicted from memory");

            assertDecidedWith(http, first);
            assertThat(child.log()).doesNotContain("OutOfMemoryError");
        }
    }

    private static void assertDecidedWith(Http http, String id) {
        Http.Response decision = http.postJson("/evaluations?ruleSet=" + id,
                "{\"eventType\":\"cholera\",\"region\":{\"code\":\"330106\"},\"indicators\":{\"cases\":15}}");
        assertThat(decision.status()).as(decision.body()).isEqualTo(200);
        assertThat(decision.json().at("/ruleSet/id").asString()).isEqualTo(id);
    }
}
