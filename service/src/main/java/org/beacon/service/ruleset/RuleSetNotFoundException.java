package org.beacon.service.ruleset;

/** No stored rule-set version has this id. Becomes a 404 problem. */
public final class RuleSetNotFoundException extends RuntimeException {

    public RuleSetNotFoundException(String id) {
        super("no rule set has the id " + id + "; GET /rule-sets lists them");
    }
}
