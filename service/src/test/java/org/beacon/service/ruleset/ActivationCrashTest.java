package org.beacon.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.beacon.service.ChildService;
import org.beacon.service.Http;
import org.beacon.service.TestApps;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A service killed (SIGKILL) while it activates a version: if the activation had not committed, the version before
 * it is still in force after a restart and the activation can be done again; once its answer has been received, the
 * activation survives a kill that comes right after it.
 */
class ActivationCrashTest {

    @Test
    void aKilledActivationLeavesThePreviousVersionInForceAndAnAnsweredOneSurvivesAKill() throws Exception {
        GradingFolder folder = GradingFolder.create("activation-crash");
        try (ChildService child = ChildService.start(folder.log("child-1.log"),
                folder.arguments("--beacon.fault-injection.activation-pause=60s"))) {
            Http http = child.http();
            Http.Response upload = http.postFiles("/rule-sets", Map.of("comment", "Ⅱ from 25"),
                    Map.of("grading.xlsx", GradingWorkbooks.grading(25)));
            assertThat(upload.status()).as(upload.body()).isEqualTo(201);
            CompletableFuture.runAsync(() -> http.postJson("/rule-sets/v2/activation", ""));
            child.awaitLog("fault injection: pausing the activation of v2", ChildService.PATIENCE);
            assertThat(child.kill()).as("killed by SIGKILL").isEqualTo(ChildService.KILLED);
        }

        try (ChildService child = ChildService.start(folder.log("child-2.log"), folder.arguments())) {
            Http http = child.http();
            assertInForce(http, "v1", "Ⅲ", List.of("v1"));
            assertThat(status(http, "v2")).isEqualTo("draft");

            Http.Response activation = http.postJson("/rule-sets/v2/activation", "");
            assertThat(activation.status()).as(activation.body()).isEqualTo(200);
            assertThat(child.kill()).as("killed right after the answer").isEqualTo(ChildService.KILLED);
        }

        try (ConfigurableApplicationContext restarted = TestApps.start(folder.arguments())) {
            Http http = TestApps.http(restarted);
            assertInForce(http, "v2", "Ⅱ", List.of("v1", "v2"));
            assertThat(status(http, "v1")).isEqualTo("retired");
            assertThat(http.get("/rule-sets/events").json().at("/1/previousId").asString()).isEqualTo("v1");
        }
    }

    /** The version in force by every account a user has of it: versions, events, health, and a decision. */
    private static void assertInForce(Http http, String id, String gradeOf27Cases, List<String> activated) {
        JsonNode version = http.get("/rule-sets/" + id).json();
        assertThat(version.at("/status").asString()).isEqualTo("active");
        assertThat(version.at("/inForceToday").asBoolean()).isTrue();
        JsonNode events = http.get("/rule-sets/events").json();
        assertThat(events.valueStream().map(e -> e.at("/kind").asString() + " " + e.at("/ruleSetId").asString()))
                .containsExactlyElementsOf(activated.stream().map(v -> "activation " + v).toList());
        JsonNode health = http.get("/actuator/health").json().at("/components/ruleSet/details");
        assertThat(health.at("/id").asString()).isEqualTo(id);
        assertThat(health.at("/revision").asInt()).as("one revision per event").isEqualTo(events.size());
        Http.Response decision = http.postJson("/evaluations", "{\"eventType\":\"cholera\","
                + "\"region\":{\"code\":\"330106\"},\"indicators\":{\"cases\":27}}");
        assertThat(decision.status()).as(decision.body()).isEqualTo(200);
        assertThat(decision.json().at("/ruleSet/id").asString()).isEqualTo(id);
        assertThat(decision.json().at("/grade/numeral").asString()).isEqualTo(gradeOf27Cases);
    }

    private static String status(Http http, String id) {
        return http.get("/rule-sets/" + id).json().at("/status").asString();
    }
}
