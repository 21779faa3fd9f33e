package org.beacon.service.ruleset;

import org.beacon.service.web.ProblemException;
import org.beacon.service.web.ProblemType;

/** An activation or rollback that the current state does not allow. Becomes a 409 problem. */
public final class RuleSetConflictException extends ProblemException {

    static final ProblemType KIND = new ProblemType("rule-set-conflict", 409, "Rule set change refused");

    public RuleSetConflictException(String message) {
        super(KIND, message);
    }
}
