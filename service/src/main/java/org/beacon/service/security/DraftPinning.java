package org.beacon.service.security;

import org.beacon.service.ruleset.RuleSetService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Decisions made with a version that is not in force ({@code ?ruleSet=v7} of a draft, or of a version rolled back or
 * replaced on every date) are for editors trying or comparing tables: below editor, only a version in force on some
 * date may be pinned. A command platform then cannot act on tables nobody put in force, nor make the service compile
 * old versions one after another (only versions in force stay compiled).
 */
@Component
public class DraftPinning {

    private final RuleSetService ruleSets;

    DraftPinning(RuleSetService ruleSets) {
        this.ruleSets = ruleSets;
    }

    /** Refuses (403) a version not in force unless the user is an editor or admin; unknown versions give 404. */
    public void check(String pinned) {
        if (pinned == null || currentUserHas(Role.EDITOR)) {
            return;
        }
        String status = ruleSets.find(pinned).status();
        if (!"active".equals(status)) {
            throw new DraftNotAllowedException(pinned, status);
        }
    }

    private static boolean currentUserHas(Role needed) {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(Role::ofAuthority).anyMatch(r -> r != null && r.includes(needed));
    }
}
