package org.beacon.service.replay;

import org.beacon.service.web.ProblemException;
import org.beacon.service.web.ProblemType;
import org.springframework.http.ProblemDetail;

/** A replay's result files were asked for before it finished, or after it failed. Becomes a 409 problem. */
public final class ReplayNotFinishedException extends ProblemException {

    static final ProblemType KIND = new ProblemType("replay-not-finished", 409, "Replay not finished");

    private final String status;

    ReplayNotFinishedException(String message, String status) {
        super(KIND, message);
        this.status = status;
    }

    /** {@code queued}, {@code running} or {@code failed}. */
    public String status() {
        return status;
    }

    @Override
    protected void addMembers(ProblemDetail problem) {
        problem.setProperty("status", status);
    }
}
