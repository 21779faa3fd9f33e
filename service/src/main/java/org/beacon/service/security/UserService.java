package org.beacon.service.security;

import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.beacon.service.web.InvalidRequestException;
import org.beacon.service.web.InvalidRequestException.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates, changes and removes users. A password is either chosen by the admin (12 to 72 bytes; bcrypt reads no
 * further) or generated and returned once; only its hash is stored. No change may leave the service without an
 * enabled admin. Thread-safe: each change is one transaction run whole inside this instance's lock, and the admin
 * guard locks the admin rows, so two admins cannot remove each other at once, even from two instances.
 */
@Service
public class UserService {

    private static final Logger log = LoggerFactory.getLogger(UserService.class);
    static final String FIRST_ADMIN = "admin";
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserStore store;
    private final PasswordEncoder encoder;
    private final TransactionTemplate tx;
    /** Bumped by every change here, so credentials remembered by {@link CachingAuthenticationProvider} expire. */
    private final AtomicLong generation = new AtomicLong();

    UserService(UserStore store, PasswordEncoder encoder, TransactionTemplate tx) {
        this.store = store;
        this.encoder = encoder;
        this.tx = tx;
    }

    /** A user as the API shows it; never the password or its hash. */
    public record UserView(String username, List<String> roles, boolean enabled, Instant createdAt,
            String createdBy, Instant changedAt, String changedBy) {
        static UserView of(StoredUser u) {
            return new UserView(u.username(), u.roles().stream().sorted().map(Role::id).toList(), u.enabled(),
                    u.createdAt(), u.createdBy(), u.changedAt(), u.changedBy());
        }
    }

    /** A user with a new password: {@code password} is set only when Beacon generated it, and shown this once. */
    public record WithPassword(UserView user, String password) {
    }

    long generation() {
        return generation.get();
    }

    StoredUser stored(String username) {
        return store.find(username).orElse(null);
    }

    public List<UserView> list() {
        return store.all().stream().map(UserView::of).toList();
    }

    public UserView get(String username) {
        return UserView.of(store.find(username).orElseThrow(() -> new UserNotFoundException(username)));
    }

    public synchronized WithPassword create(String username, List<String> roles, String password, String by) {
        WithPassword result = tx.execute(status -> {
            List<FieldError> errors = new ArrayList<>();
            if (username == null || !USERNAME.matcher(username).matches() || username.equalsIgnoreCase("me")) {
                errors.add(new FieldError("/username", "must be 1 to 100 letters, digits or . _ @ -, starting with a"
                        + " letter or digit, and not 'me'"));
            }
            Set<Role> parsed = roles(roles, "/roles", errors);
            checkPassword(password, "/password", errors);
            if (!errors.isEmpty()) {
                throw new InvalidRequestException(errors);
            }
            // ADMIN beside admin reads as the same user in every log, audit row and role review
            List<String> taken = store.namesIgnoringCase(username);
            if (!taken.isEmpty()) {
                throw new UserConflictException("a user called '" + taken.get(0) + "' already exists; user names "
                        + "are compared ignoring case");
            }
            String chosen = password != null ? password : generate();
            Instant now = Instant.now();
            StoredUser user = new StoredUser(username, encoder.encode(chosen), parsed, true, now, by, now, by);
            if (!store.insert(user)) {
                throw new UserConflictException("a user called '" + username + "' already exists");
            }
            log.info("user {} created with roles {} by {}", username, user.roles(), by);
            return new WithPassword(UserView.of(user), password == null ? chosen : null);
        });
        forgetRememberedSignIns();
        return result;
    }

    /** Changes roles and/or enabled (null leaves each as it is). */
    public synchronized UserView update(String username, List<String> roles, Boolean enabled, String by) {
        UserView result = tx.execute(status -> {
            StoredUser old = store.find(username).orElseThrow(() -> new UserNotFoundException(username));
            List<FieldError> errors = new ArrayList<>();
            Set<Role> newRoles = roles == null ? old.roles() : roles(roles, "/roles", errors);
            if (!errors.isEmpty()) {
                throw new InvalidRequestException(errors);
            }
            StoredUser changed = new StoredUser(username, old.passwordHash(), newRoles,
                    enabled == null ? old.enabled() : enabled, old.createdAt(), old.createdBy(), Instant.now(), by);
            if (old.isAdmin() && old.enabled() && !(changed.isAdmin() && changed.enabled())) {
                requireAnotherAdmin(username, "removing the admin role from or disabling");
            }
            store.update(changed);
            log.info("user {} changed by {}: roles {}, enabled {}", username, by, changed.roles(), changed.enabled());
            return UserView.of(changed);
        });
        forgetRememberedSignIns();
        return result;
    }

    public synchronized WithPassword setPassword(String username, String password, String by) {
        WithPassword result = tx.execute(status -> {
            StoredUser old = store.find(username).orElseThrow(() -> new UserNotFoundException(username));
            List<FieldError> errors = new ArrayList<>();
            checkPassword(password, "/password", errors);
            if (!errors.isEmpty()) {
                throw new InvalidRequestException(errors);
            }
            String chosen = password != null ? password : generate();
            StoredUser changed = new StoredUser(username, encoder.encode(chosen), old.roles(), old.enabled(),
                    old.createdAt(), old.createdBy(), Instant.now(), by);
            store.update(changed);
            log.info("password of user {} changed by {}", username, by);
            return new WithPassword(UserView.of(changed), password == null ? chosen : null);
        });
        forgetRememberedSignIns();
        return result;
    }

    /**
     * Groups of users whose names differ only in case, created before names were compared ignoring case: they keep
     * working (each signs in with its own name) and are only reported.
     */
    List<List<String>> caseVariants() {
        return store.caseVariants();
    }

    public synchronized void delete(String username, String by) {
        tx.executeWithoutResult(status -> {
            StoredUser old = store.find(username).orElseThrow(() -> new UserNotFoundException(username));
            if (old.isAdmin() && old.enabled()) {
                requireAnotherAdmin(username, "removing");
            }
            store.delete(username);
            log.info("user {} removed by {}", username, by);
        });
        forgetRememberedSignIns();
    }

    /**
     * On a database without users: creates {@value #FIRST_ADMIN} with {@code configured} as its password, or a
     * generated one. Returns the generated password, or null when one was configured or users already exist (also
     * when another instance sharing the database created them first). Not one transaction: the count, then one
     * insert that commits by itself, so that an instance losing the race to the primary key (PostgreSQL aborts a
     * transaction whose insert failed) simply finds the admin there.
     */
    public synchronized FirstAdmin createFirstAdmin(String configured) {
        if (store.count() > 0) {
            return FirstAdmin.NOT_NEEDED;
        }
        if (configured != null && !configured.isBlank()) {
            List<FieldError> errors = new ArrayList<>();
            checkPassword(configured, "", errors);
            if (!errors.isEmpty()) {
                throw new IllegalStateException("beacon.security.initial-admin-password " + errors.get(0).detail());
            }
        }
        String password = configured == null || configured.isBlank() ? generate() : configured;
        Instant now = Instant.now();
        boolean created = store.insert(new StoredUser(FIRST_ADMIN, encoder.encode(password), EnumSet.of(Role.ADMIN),
                true, now, "first start", now, "first start"));
        if (!created) {
            return FirstAdmin.NOT_NEEDED;
        }
        generation.incrementAndGet();
        return configured == null || configured.isBlank() ? new FirstAdmin(true, password)
                : new FirstAdmin(true, null);
    }

    /** What the first start did: whether it created the admin, and the password when it generated one. */
    public record FirstAdmin(boolean created, String generatedPassword) {
        static final FirstAdmin NOT_NEEDED = new FirstAdmin(false, null);
    }

    /**
     * After the commit, so that a sign-in that read the old row (it started before the commit, so it read the old
     * generation too) is never remembered as current.
     */
    private void forgetRememberedSignIns() {
        generation.incrementAndGet();
    }

    /** Inside the change's transaction: locks the enabled admins' rows until it ends. */
    private void requireAnotherAdmin(String username, String what) {
        boolean another = store.lockEnabledAdmins().stream().anyMatch(name -> !name.equals(username));
        if (!another) {
            throw new UserConflictException(what + " '" + username + "' would leave no enabled admin; make another"
                    + " user admin first");
        }
    }

    private static Set<Role> roles(List<String> ids, String pointer, List<FieldError> errors) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (ids == null || ids.isEmpty()) {
            errors.add(new FieldError(pointer, "must name at least one role: caller, reviewer, editor, admin"));
            return roles;
        }
        for (int i = 0; i < ids.size(); i++) {
            Role r = ids.get(i) == null ? null : Role.parse(ids.get(i));
            if (r == null) {
                errors.add(new FieldError(pointer + "/" + i, "'" + ids.get(i) + "' is not a role; the roles are"
                        + " caller, reviewer, editor, admin"));
            } else {
                roles.add(r);
            }
        }
        return roles;
    }

    private static void checkPassword(String password, String pointer, List<FieldError> errors) {
        if (password == null) {
            return;
        }
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (password.length() < 12 || bytes > 72) {
            errors.add(new FieldError(pointer, "must be at least 12 characters and at most 72 bytes; leave it out"
                    + " to have one generated"));
        }
    }

    private static String generate() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
