package org.beacon.service.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Checks a user name and password against the stored bcrypt hash, and remembers a successful check for a short
 * time keyed by a SHA-256 of the credentials, so that a command platform sending thousands of requests with HTTP
 * Basic pays the deliberately slow bcrypt check once instead of on every request. Any user change on this instance
 * forgets every remembered check (through {@link UserService#generation()}); wrong credentials are never remembered.
 * Thread-safe.
 */
final class CachingAuthenticationProvider implements AuthenticationProvider {

    private record Verified(byte[] digest, long generation, Authentication result) {
    }

    private final AuthenticationProvider checker;
    private final UserService users;
    private final Cache<String, Verified> verified;

    CachingAuthenticationProvider(AuthenticationProvider checker, UserService users, Duration remember) {
        this.checker = checker;
        this.users = users;
        this.verified = Caffeine.newBuilder().expireAfterWrite(remember).maximumSize(10_000).build();
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
        try {
            Authentication result = checker.authenticate(authentication);
            if (result != null) {
                verified.put(name, new Verified(digest, generation, result));
            }
            return result;
        } catch (AuthenticationException e) {
            verified.invalidate(name);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static byte[] digest(String name, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
