package org.beacon.service.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.beacon.service.Http;
import tools.jackson.databind.JsonNode;

/** Following impact runs over HTTP until they end, for the impact tests. */
final class Impacts {

    /** Generous: only stops a hung run from hanging the build. */
    private static final Duration MAX_WAIT = Duration.ofMinutes(5);

    private Impacts() {
    }

    /** Polls the run until it is done or failed. */
    static JsonNode awaitEnd(Http http, String location) {
        Instant deadline = Instant.now().plus(MAX_WAIT);
        while (true) {
            Http.Response r = http.get(location);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode run = r.json();
            String status = run.at("/status").asString();
            if (status.equals("done") || status.equals("failed")) {
                return run;
            }
            assertThat(Instant.now()).as("impact run still " + status).isBefore(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
