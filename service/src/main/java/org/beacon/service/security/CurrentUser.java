package org.beacon.service.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** What the roles of the user signed in on this request allow, for rules that a path's own role cannot express. */
public final class CurrentUser {

    private CurrentUser() {
    }

    /**
     * True for editors and admins, who may decide with a version never activated (trying or comparing a draft);
     * the rule itself is {@code RuleSetRegistry.checkPinnable}.
     */
    public static boolean mayUseDrafts() {
        return has(Role.EDITOR);
    }

    private static boolean has(Role needed) {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(Role::ofAuthority).anyMatch(r -> r != null && r.includes(needed));
    }
}
