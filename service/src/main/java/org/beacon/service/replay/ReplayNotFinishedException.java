package org.beacon.service.replay;

/** A replay's result files were asked for before it finished, or after it failed. Becomes a 409 problem. */
public final class ReplayNotFinishedException extends RuntimeException {

    private final String status;

    ReplayNotFinishedException(String message, String status) {
        super(message);
        this.status = status;
    }

    /** {@code queued}, {@code running} or {@code failed}. */
    public String status() {
        return status;
    }
}
