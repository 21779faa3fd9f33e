package org.beacon.service.ruleset;

import org.beacon.service.web.ProblemException;
import org.beacon.service.web.ProblemType;

/** Another activation or rollback changed the rule sets first. Becomes a 409 problem. */
public final class ConcurrentChangeException extends ProblemException {

    static final ProblemType KIND = new ProblemType("concurrent-change", 409, "Concurrent rule set change");

    public ConcurrentChangeException() {
        super(KIND, "another activation or rollback happened at the same time; look at GET /rule-sets and try again");
    }
}
