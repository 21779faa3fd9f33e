package org.beacon.service.ruleset;

import org.beacon.service.web.ProblemException;
import org.beacon.service.web.ProblemType;
import org.springframework.http.HttpHeaders;

/** Every compile slot stayed taken for the whole wait. Becomes a 503 problem with Retry-After; nothing was read. */
public final class CompilesBusyException extends ProblemException {

    static final ProblemType KIND = new ProblemType("compiles-busy", 503, "Too many rule-set compiles");

    private final long retryAfterSeconds;

    CompilesBusyException(int slots, long waitedSeconds, long retryAfterSeconds) {
        super(KIND, "the service is already compiling " + slots + " rule set(s) (beacon.rule-sets.concurrent-compiles) "
                + "and none finished within " + waitedSeconds + " s; nothing was stored: send the same request "
                + "again in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Retry-After: when to send the same request again. */
    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        return headers;
    }
}
