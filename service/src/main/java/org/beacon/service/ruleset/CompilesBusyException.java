package org.beacon.service.ruleset;

/** Every compile slot stayed taken for the whole wait. Becomes a 503 problem with Retry-After; nothing was read. */
public final class CompilesBusyException extends RuntimeException {

    private final long retryAfterSeconds;

    CompilesBusyException(int slots, long waitedSeconds, long retryAfterSeconds) {
        super("the service is already compiling " + slots + " rule set(s) (beacon.rule-sets.concurrent-compiles) "
                + "and none finished within " + waitedSeconds + " s; nothing was stored: send the same request "
                + "again in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
