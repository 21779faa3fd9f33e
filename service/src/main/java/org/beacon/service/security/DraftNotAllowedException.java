package org.beacon.service.security;

/** A caller or reviewer pinned a version that is not in force on any date. Becomes a 403 problem. */
public final class DraftNotAllowedException extends RuntimeException {

    DraftNotAllowedException(String id, String status) {
        super(id + " is " + ("draft".equals(status) ? "a draft (never activated)" : "retired (in force on no date)")
                + "; deciding with a version not in force needs the editor role");
    }
}
