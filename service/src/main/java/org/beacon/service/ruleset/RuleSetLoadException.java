package org.beacon.service.ruleset;

/**
 * The service cannot start on its rule sets: the workbooks configured for start-up cannot be found or compiled, or
 * nothing is in force. The message says what is wrong; {@link #remedy()} what the operator can change.
 */
public final class RuleSetLoadException extends RuntimeException {

    private static final String FIX_WORKBOOKS = "Correct the workbooks named above (beacon check <folder> lists every "
            + "problem with its cell), or set beacon.tables-dir to another folder (--beacon.tables-dir=<folder>).";

    private final String remedy;

    RuleSetLoadException(String message) {
        this(message, FIX_WORKBOOKS);
    }

    RuleSetLoadException(String message, String remedy) {
        super(message);
        this.remedy = remedy;
    }

    /** What to change so that the next start succeeds. */
    public String remedy() {
        return remedy;
    }
}
