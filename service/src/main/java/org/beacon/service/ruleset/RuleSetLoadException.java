package org.beacon.service.ruleset;

/** The workbooks configured for start-up cannot be compiled; the message lists the diagnostics. */
public final class RuleSetLoadException extends RuntimeException {

    RuleSetLoadException(String message) {
        super(message);
    }
}
