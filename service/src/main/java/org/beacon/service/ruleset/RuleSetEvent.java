package org.beacon.service.ruleset;

import java.time.Instant;

/**
 * An activation or a rollback.
 *
 * @param sequence order of events
 * @param ruleSetId the version activated or rolled back
 * @param kind {@code activation} or {@code rollback}
 * @param previousId the version in force today before the event
 * @param actor who did it
 * @param at when
 */
public record RuleSetEvent(int sequence, String ruleSetId, String kind, String previousId, String actor,
        Instant at) {

    public static final String ACTIVATION = "activation";
    public static final String ROLLBACK = "rollback";
}
