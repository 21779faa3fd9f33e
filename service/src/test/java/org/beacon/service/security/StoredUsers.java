package org.beacon.service.security;

import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Set;

/**
 * For web slices that mock {@link UserService}: makes the mock know a user, so that a signed-in session of that user
 * passes the check of the stored user ({@code SessionUserCheck}) as it does in the running service.
 */
public final class StoredUsers {

    private StoredUsers() {
    }

    /** One user of each role, named for it as the console's slices sign in: platform (a caller), reviewer, editor, admin. */
    public static void knowOneOfEachRole(UserService users) {
        knows(users, "platform", Role.CALLER);
        knows(users, "reviewer", Role.REVIEWER);
        knows(users, "editor", Role.EDITOR);
        knows(users, "admin", Role.ADMIN);
    }

    public static void knows(UserService users, String username, Role role) {
        when(users.stored(username)).thenReturn(new StoredUser(username, "{noop}unused", Set.of(role), true,
                Instant.EPOCH, "test", Instant.EPOCH, "test"));
    }
}
