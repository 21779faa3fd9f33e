package org.beacon.service.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Checks a user name and password against the stored bcrypt hash, and remembers a successful check for a short
 * time keyed by an HMAC of the credentials (a random key per process, so the heap holds no plain hash of a
 * password), so that a command platform sending thousands of requests with HTTP Basic pays the deliberately slow
 * bcrypt check once instead of on every request. Any committed user change on this instance forgets every remembered
 * check (through {@link UserService#generation()}); on another instance sharing the database, the remembered check
 * lasts at most its time. Wrong credentials are never remembered, and never evict the right ones. Thread-safe.
 */
final class CachingAuthenticationProvider implements AuthenticationProvider {

    private record Verified(byte[] digest, long generation, Authentication result) {
    }

    private final byte[] key = new byte[32];
    private final AuthenticationProvider checker;
    private final UserService users;
    private final Cache<String, Verified> verified;

    CachingAuthenticationProvider(AuthenticationProvider checker, UserService users, Duration remember) {
        this.checker = checker;
        this.users = users;
        this.verified = Caffeine.newBuilder().expireAfterWrite(remember).maximumSize(10_000).build();
        new SecureRandom().nextBytes(key);
    }

    /** True when these credentials were checked and are still remembered: proven, so not a guess. */
    boolean remembers(Authentication authentication) {
        Verified v = verified.getIfPresent(authentication.getName());
        return v != null && v.generation() == users.generation() && MessageDigest.isEqual(v.digest(),
                digest(authentication.getName(), String.valueOf(authentication.getCredentials())));
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String name = authentication.getName();
        byte[] digest = digest(name, String.valueOf(authentication.getCredentials()));
        long generation = users.generation();
        Verified v = verified.getIfPresent(name);
        if (v != null && v.generation() == generation && MessageDigest.isEqual(v.digest(), digest)) {
            return v.result();
        }
        Authentication result = checker.authenticate(authentication);
        if (result != null) {
            verified.put(name, new Verified(digest, generation, result));
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private byte[] digest(String name, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(name.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
