package org.beacon.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** Following a long run (an impact run, a calibration) over HTTP until it ends, for the tests. */
public final class RunPolling {

    /** Generous: only stops a hung run from hanging the build. */
    private static final Duration MAX_WAIT = Duration.ofMinutes(5);

    private RunPolling() {
    }

    /** Polls the run at {@code location} until it is done or failed. */
    public static JsonNode awaitEnd(Http http, String location) {
        Instant deadline = Instant.now().plus(MAX_WAIT);
        while (true) {
            Http.Response r = http.get(location);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode run = r.json();
            String status = run.at("/status").asString();
            if (status.equals("done") || status.equals("failed")) {
                return run;
            }
            assertThat(Instant.now()).as("%s still %s", location, status).isBefore(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
