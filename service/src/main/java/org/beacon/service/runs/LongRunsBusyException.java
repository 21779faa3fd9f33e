package org.beacon.service.runs;

import org.beacon.service.web.ProblemException;
import org.beacon.service.web.ProblemType;
import org.springframework.http.HttpHeaders;

/**
 * Every place of long runs is taken (impact runs and calibrations share them): nothing was stored. Becomes a 503
 * problem with Retry-After.
 */
public final class LongRunsBusyException extends ProblemException {

    static final ProblemType KIND = new ProblemType("long-runs-busy", 503, "Too many long runs");

    LongRunsBusyException() {
        super(KIND, "the service already runs or queues " + LongRuns.PLACES + " impact runs and calibrations; try "
                + "again when one has finished");
    }

    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "30");
        return headers;
    }
}
