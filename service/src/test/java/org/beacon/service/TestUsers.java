package org.beacon.service;

import java.util.List;
import java.util.UUID;
import org.beacon.service.security.UserService;
import org.springframework.boot.test.context.TestComponent;

/**
 * One user per role, created with a random password when the test application starts (so the first-start admin is
 * not needed and no password is written anywhere). Named after their role: caller, reviewer, editor, admin.
 */
@TestComponent
public class TestUsers {

    private final Http.Credentials caller;
    private final Http.Credentials reviewer;
    private final Http.Credentials editor;
    private final Http.Credentials admin;

    TestUsers(UserService users) {
        caller = create(users, "caller");
        reviewer = create(users, "reviewer");
        editor = create(users, "editor");
        admin = create(users, "admin");
    }

    private static Http.Credentials create(UserService users, String role) {
        String password = UUID.randomUUID().toString();
        if (users.list().stream().noneMatch(u -> u.username().equals(role))) {
            users.create(role, List.of(role), password, "test");
        } else {
            users.setPassword(role, password, "test");
        }
        return new Http.Credentials(role, password);
    }

    public Http.Credentials caller() {
        return caller;
    }

    public Http.Credentials reviewer() {
        return reviewer;
    }

    public Http.Credentials editor() {
        return editor;
    }

    public Http.Credentials admin() {
        return admin;
    }
}
