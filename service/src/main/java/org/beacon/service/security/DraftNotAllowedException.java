package org.beacon.service.security;

/** A caller or reviewer pinned a draft version. Becomes a 403 problem. */
public final class DraftNotAllowedException extends RuntimeException {

    DraftNotAllowedException(String id) {
        super(id + " is a draft (never activated); deciding with a draft needs the editor role");
    }
}
