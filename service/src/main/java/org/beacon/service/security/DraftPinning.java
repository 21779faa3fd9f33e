package org.beacon.service.security;

import org.beacon.service.ruleset.RuleSetService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Decisions made with a draft ({@code ?ruleSet=v7} before v7 was ever activated) are for editors trying their
 * change: a caller may pin a version that is or was in force, so that a command platform cannot act on tables
 * nobody has put in force.
 */
@Component
public class DraftPinning {

    private final RuleSetService ruleSets;

    DraftPinning(RuleSetService ruleSets) {
        this.ruleSets = ruleSets;
    }

    /** Refuses (403) a pinned draft unless the signed-in user is an editor or admin; unknown versions give 404. */
    public void check(String pinned) {
        if (pinned == null || currentUserHas(Role.EDITOR)) {
            return;
        }
        if ("draft".equals(ruleSets.find(pinned).status())) {
            throw new DraftNotAllowedException(pinned);
        }
    }

    private static boolean currentUserHas(Role needed) {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(Role::ofAuthority).anyMatch(r -> r != null && r.includes(needed));
    }
}
