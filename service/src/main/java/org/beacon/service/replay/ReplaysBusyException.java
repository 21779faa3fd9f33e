package org.beacon.service.replay;

import org.beacon.service.web.ProblemException;
import org.beacon.service.web.ProblemType;
import org.springframework.http.HttpHeaders;

/** Every place for a replay, running or queued, is taken. Becomes a 503 problem with Retry-After. */
public final class ReplaysBusyException extends ProblemException {

    static final ProblemType KIND = new ProblemType("replays-busy", 503, "Too many replays");

    ReplaysBusyException(int places) {
        super(KIND, "the service already runs or queues " + places + " replays (beacon.replays.concurrent-runs and "
                + "queue-size); try again when one has finished");
    }

    public int retryAfterSeconds() {
        return 30;
    }

    /** Retry-After: when to send the same request again. */
    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds()));
        return headers;
    }
}
