package org.beacon.service.security;

import org.beacon.service.ruleset.DraftNotAllowedException;
import org.beacon.service.ruleset.RuleSetRegistry;
import org.beacon.service.ruleset.RuleSetService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one rule for deciding with a version that is not the one in force ({@code ?ruleSet=v7} of evaluations, batches
 * and the risk map; {@code ruleSet} and {@code compareWith} of replays): a version that was never activated (a
 * draft) is for editors and admins trying or comparing tables; a version that is or was activated (in force now,
 * scheduled, rolled back or replaced) may be used by anyone allowed on that path, since it was once put in force and
 * its decisions can be explained and repeated. A command platform then cannot act on tables nobody put in force.
 *
 * <p>Decided from the registry's timeline in memory: a request that pins a version costs no database query. Only a
 * refusal looks the version up, so that an unknown one is a 404 rather than a 403.
 */
@Component
public class DraftPinning {

    private final RuleSetRegistry registry;
    private final RuleSetService ruleSets;

    DraftPinning(RuleSetRegistry registry, RuleSetService ruleSets) {
        this.registry = registry;
        this.ruleSets = ruleSets;
    }

    /**
     * Refuses (403) a version never activated unless the user is an editor or admin; an unknown version gives 404.
     *
     * @param pinned the version asked for, or null when none was
     */
    public void check(String pinned) {
        if (pinned == null || registry.wasEverActivated(pinned) || currentUserHas(Role.EDITOR)) {
            return;
        }
        ruleSets.find(pinned);
        throw new DraftNotAllowedException(pinned);
    }

    private static boolean currentUserHas(Role needed) {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(Role::ofAuthority).anyMatch(r -> r != null && r.includes(needed));
    }
}
