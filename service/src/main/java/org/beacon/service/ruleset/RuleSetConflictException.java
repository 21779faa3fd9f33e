package org.beacon.service.ruleset;

/** An activation or rollback that the current state does not allow. Becomes a 409 problem. */
public final class RuleSetConflictException extends RuntimeException {

    public RuleSetConflictException(String message) {
        super(message);
    }
}
