package org.beacon.service.ruleset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which version is in force on which date, as of one state revision. Immutable.
 *
 * <p>The rule: each activation says "from this version's effective date onward (or for every date, when it has none),
 * use this version". The version in force on a date D is the one of the most recent activation, not rolled back,
 * whose effective date is on or before D. Rolling a version back withdraws its activations, so the one before
 * takes over again. D is the situation's {@code asOf} date (the day the situation describes), not the day the
 * decision is made: a situation from last week is judged by the tables in force last week.
 *
 * @param revision the state revision this was read at
 * @param activations activations in force order (oldest first), rolled-back versions left out
 * @param everActivated every version activated at least once, rolled back or replaced since or not: the versions
 *     that were put in force, which anyone allowed to decide may pin
 * @param versions every version stored at this revision, activated or not
 */
record ActivationTimeline(int revision, List<Activation> activations, Set<String> everActivated,
        Set<String> versions) {

    /** @param effectiveFrom null for every date */
    record Activation(String ruleSetId, LocalDate effectiveFrom) {
    }

    ActivationTimeline {
        activations = List.copyOf(activations);
        everActivated = Set.copyOf(everActivated);
        versions = Set.copyOf(versions);
    }

    static ActivationTimeline of(int revision, List<RuleSetEvent> events, Map<String, RuleSetVersion> versions) {
        List<Activation> list = new ArrayList<>();
        Set<String> ever = new HashSet<>();
        for (RuleSetEvent e : events) {
            RuleSetVersion v = versions.get(e.ruleSetId());
            if (RuleSetEvent.ACTIVATION.equals(e.kind()) && v != null) {
                ever.add(v.id());
                if (!v.rolledBack()) {
                    list.add(new Activation(v.id(), v.effectiveFrom()));
                }
            }
        }
        return new ActivationTimeline(revision, list, ever, versions.keySet());
    }

    Optional<String> inForceOn(LocalDate date) {
        for (int i = activations.size() - 1; i >= 0; i--) {
            Activation a = activations.get(i);
            if (a.effectiveFrom() == null || !a.effectiveFrom().isAfter(date)) {
                return Optional.of(a.ruleSetId());
            }
        }
        return Optional.empty();
    }

    /** True when the version answers for at least one date: no later activation covers all of its dates. */
    boolean isLive(String id) {
        for (int i = 0; i < activations.size(); i++) {
            Activation a = activations.get(i);
            if (!a.ruleSetId().equals(id)) {
                continue;
            }
            boolean shadowed = false;
            for (Activation later : activations.subList(i + 1, activations.size())) {
                if (!later.ruleSetId().equals(id) && (later.effectiveFrom() == null || (a.effectiveFrom() != null
                        && !later.effectiveFrom().isAfter(a.effectiveFrom())))) {
                    shadowed = true;
                    break;
                }
            }
            if (!shadowed) {
                return true;
            }
        }
        return false;
    }

    boolean wasActivated(String id) {
        return activations.stream().anyMatch(a -> a.ruleSetId().equals(id));
    }
}
