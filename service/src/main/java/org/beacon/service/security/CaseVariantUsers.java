package org.beacon.service.security;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start, names the users whose names differ only in case ({@code ADMIN} and {@code admin}), made before names
 * were compared ignoring case. They keep working, so a start never locks anyone out; an admin decides which to
 * remove. New ones are refused ({@link UserService#create}).
 */
@Component
class CaseVariantUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CaseVariantUsers.class);

    private final UserService users;

    CaseVariantUsers(UserService users) {
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (List<String> names : users.caseVariants()) {
            log.warn("users {} differ only in case: each still signs in with its own name, but logs and audit rows "
                    + "read them as one; keep one (DELETE /users/<name>). New names that differ only in case are "
                    + "refused", names);
        }
    }
}
