package org.beacon.service.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beacon.service.Http;
import tools.jackson.databind.JsonNode;

/** Starting replays over HTTP and waiting for them to end, for the replay tests. */
final class Replays {

    /** Generous: a replay of the examples takes about a second; this only stops a hung run from hanging the build. */
    private static final Duration MAX_WAIT = Duration.ofMinutes(2);

    private Replays() {
    }

    /** The COVID-19 example pinned to one source, with the actual decisions. */
    static Map<String, String> covid() {
        return form("example", "covid-2020-zhejiang-hubei-guangdong.csv", "source", "canghailan", "actualExample",
                "covid-2020-response-levels.csv");
    }

    static Map<String, String> form(String... namesAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    static Http.Response start(Http http, Map<String, String> form) {
        return http.postForm("/replays", form, List.of());
    }

    /** Starts a replay of {@code timeline} uploaded as a file, with the other fields of {@code form}. */
    static Http.Response startWith(Http http, String timeline, String... form) {
        return http.postForm("/replays", form(form), List.of(new Http.FilePart("timeline", "t.csv",
                timeline.getBytes(StandardCharsets.UTF_8))));
    }

    /** How many replays are stored, to show that a refusal stored none. */
    static long stored(Http http) {
        return http.get("/replays").json().at("/total").asLong();
    }

    /** Starts a replay, expects it accepted, and waits for it to end (done or failed). */
    static JsonNode run(Http http, Map<String, String> form) {
        Http.Response r = start(http, form);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return awaitEnd(http, r.json().at("/id").asString());
    }

    /** Polls GET /replays/{id} until the run is done or failed. */
    static JsonNode awaitEnd(Http http, String id) {
        Instant deadline = Instant.now().plus(MAX_WAIT);
        while (true) {
            Http.Response r = http.get("/replays/" + id);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode run = r.json();
            if (Set.of("done", "failed").contains(run.at("/status").asString())) {
                return run;
            }
            assertThat(Instant.now()).as("replay %s still %s", id, run.at("/status").asString()).isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
