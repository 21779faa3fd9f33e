package org.beacon.service.ruleset;

/** Another activation or rollback changed the rule sets first. Becomes a 409 problem. */
public final class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException() {
        super("another activation or rollback happened at the same time; look at GET /rule-sets and try again");
    }
}
