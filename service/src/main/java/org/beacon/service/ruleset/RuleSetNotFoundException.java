package org.beacon.service.ruleset;

import org.beacon.service.web.ProblemException;
import org.beacon.service.web.ProblemType;

/** No stored rule-set version has this id. Becomes a 404 problem. */
public final class RuleSetNotFoundException extends ProblemException {

    static final ProblemType KIND = new ProblemType("rule-set-not-found", 404, "Rule set not found");

    public RuleSetNotFoundException(String id) {
        super(KIND, "no rule set has the id " + id + "; GET /rule-sets lists them");
    }
}
