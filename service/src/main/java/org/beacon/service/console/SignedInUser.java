package org.beacon.service.console;

import java.util.Set;
import java.util.stream.Collectors;
import org.beacon.service.security.Role;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is signed in, as every page shows it: the user name and the highest of the user's roles (each role includes
 * the ones before it).
 *
 * @param role the highest role, or null for a user without one
 */
record SignedInUser(String name, Role role) {

    /** The signed-in user, or null when the request is anonymous. */
    static SignedInUser of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        Set<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        Role highest = null;
        for (Role r : Role.values()) {
            if (authorities.contains("ROLE_" + r.name())) {
                highest = r;
            }
        }
        return new SignedInUser(authentication.getName(), highest);
    }

    /** The message key of the role's name: {@code role.admin}, …, or {@code role.none}. */
    public String roleLabel() {
        return role == null ? "role.none" : "role." + role.id();
    }

    /** The message key of what the role may do. */
    public String roleDescription() {
        return roleLabel() + ".may";
    }
}
