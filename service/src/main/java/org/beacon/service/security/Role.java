package org.beacon.service.security;

import java.util.Locale;

/**
 * What a user may do. Each role includes the ones before it: a reviewer may also evaluate, an editor may also read
 * the audit and run replays, an admin may do everything.
 */
public enum Role {
    /** Evaluate situations and read the indicator dictionary: command platforms. */
    CALLER,
    /** Also read the audit trail, rule-set versions and diffs, and run replays. */
    REVIEWER,
    /** Also upload and check rule sets. */
    EDITOR,
    /** Also activate and roll back versions, manage users and read metrics. */
    ADMIN;

    /** The name in JSON and in the database: {@code caller}, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Spring Security's authority for this role alone (the hierarchy adds the ones it includes). */
    String authority() {
        return "ROLE_" + name();
    }

    /** True when this role may do what {@code other} may: roles include the ones declared before them. */
    boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    /** The role of a Spring Security authority ({@code ROLE_EDITOR}), or null for any other authority. */
    static Role ofAuthority(String authority) {
        return authority != null && authority.startsWith("ROLE_") ? parse(authority.substring(5)) : null;
    }

    /** The role named {@code id} (any case), or null when there is none. */
    static Role parse(String id) {
        for (Role r : values()) {
            if (r.name().equalsIgnoreCase(id)) {
                return r;
            }
        }
        return null;
    }
}
