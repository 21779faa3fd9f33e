package org.beacon.service.ruleset;

import org.beacon.service.web.ProblemException;
import org.beacon.service.web.Problems;

/** A caller or reviewer asked to decide with a version that was never activated. Becomes a 403 problem. */
public final class DraftNotAllowedException extends ProblemException {

    public DraftNotAllowedException(String id) {
        super(Problems.FORBIDDEN, id + " is a draft (never activated); deciding with a version that was never put in force needs the "
                + "editor role");
    }
}
