package org.beacon.service.replay;

/** Every place for a replay, running or queued, is taken. Becomes a 503 problem with Retry-After. */
public final class ReplaysBusyException extends RuntimeException {

    ReplaysBusyException(int places) {
        super("the service already runs or queues " + places + " replays (beacon.replays.concurrent-runs and "
                + "queue-size); try again when one has finished");
    }

    public int retryAfterSeconds() {
        return 30;
    }
}
