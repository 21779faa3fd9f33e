package org.beacon.service.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start (a database without users) creates the user {@code admin} and prints its generated password
 * once, in the log, so that no credential ever needs to be in the repository or the configuration. Later starts do
 * nothing: the password is only stored as a hash and can only be replaced (POST /users/admin/password).
 */
@Component
@Order(0)
class FirstStartAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStartAdmin.class);

    private final UserService users;
    private final SecurityProperties properties;

    FirstStartAdmin(UserService users, SecurityProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        UserService.FirstAdmin first = users.createFirstAdmin(properties.initialAdminPassword());
        if (!first.created()) {
            return;
        }
        if (first.generatedPassword() == null) {
            log.warn("No users yet: created user '{}' (role admin) with the password from"
                    + " beacon.security.initial-admin-password", UserService.FIRST_ADMIN);
            return;
        }
        log.warn("""

                ==========================================================================
                No users yet: Beacon created the user '{}' (role admin) with the password

                    {}

                It is shown only this once and stored only as a hash. Sign in with it to
                create users (POST /users) and to change it (POST /users/me/password).
                ==========================================================================""",
                UserService.FIRST_ADMIN, first.generatedPassword());
    }
}
