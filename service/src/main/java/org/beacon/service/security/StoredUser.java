package org.beacon.service.security;

import java.time.Instant;
import java.util.Set;

/** A row of {@code beacon_user}: the password only as its hash. */
record StoredUser(String username, String passwordHash, Set<Role> roles, boolean enabled, Instant createdAt,
        String createdBy, Instant changedAt, String changedBy) {

    StoredUser {
        roles = Set.copyOf(roles);
    }

    boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }
}
