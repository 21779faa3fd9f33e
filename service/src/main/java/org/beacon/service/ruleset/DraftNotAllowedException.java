package org.beacon.service.ruleset;

/** A caller or reviewer asked to decide with a version that was never activated. Becomes a 403 problem. */
public final class DraftNotAllowedException extends RuntimeException {

    public DraftNotAllowedException(String id) {
        super(id + " is a draft (never activated); deciding with a version that was never put in force needs the "
                + "editor role");
    }
}
