package org.beacon.service.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.beacon.service.web.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Slows password guessing: a client address whose credentials were refused {@code limit} times within a minute gets
 * 429 (with Retry-After) for further credentials until that minute is over, without a bcrypt check, so guessing can
 * neither succeed by volume nor burn the processors. Credentials already proven (remembered by
 * {@link CachingAuthenticationProvider}) still pass, so a platform that shares an address with a guesser keeps
 * working. Each attempt is counted before it is checked (and taken back when it succeeds), so parallel guesses
 * cannot overshoot the limit. Requests without credentials are not counted. The console's sign-in form counts in
 * the same window through {@link #admit}, {@link #signedIn} and {@link #notSignedIn} (see {@link FormSignIn}), so a
 * guesser gains nothing by switching between the form and HTTP Basic. Thread-safe.
 */
final class FailedLoginThrottle extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(FailedLoginThrottle.class);
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final ProblemType TOO_MANY_FAILED_SIGN_INS = new ProblemType("too-many-failed-logins", 429,
            "Too many failed sign-ins");

    private record Failures(Instant windowStart, int count) {
    }

    private final int limit;
    private final JsonMapper json;
    private final CachingAuthenticationProvider proven;
    private final BasicAuthenticationConverter basic = new BasicAuthenticationConverter();
    private final Cache<String, Failures> failures = Caffeine.newBuilder().expireAfterWrite(WINDOW)
            .maximumSize(100_000).build();

    FailedLoginThrottle(int limit, JsonMapper json, CachingAuthenticationProvider proven) {
        this.limit = limit;
        this.json = json;
        this.proven = proven;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) == null || limit <= 0) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Failures counted = count(address);
        if (counted.count() > limit && !isProven(request)) {
            uncount(address);
            refuse(response, counted);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            if (response.getStatus() != HttpServletResponse.SC_UNAUTHORIZED) {
                uncount(address);
            } else {
                warnAtLimit(address, counted);
            }
        }
    }

    /**
     * Counts a sign-in attempt of the console's form from {@code address} before its password is checked.
     *
     * @return 0 to go on and check it (then call {@link #signedIn} if it succeeds), or the seconds the address must
     *     wait: too many refused attempts within the minute, and these credentials are not already proven
     */
    long admit(String address, Authentication credentials) {
        if (limit <= 0) {
            return 0;
        }
        Failures counted = count(address);
        if (counted.count() > limit && !proven.remembers(credentials)) {
            uncount(address);
            return secondsToWait(counted);
        }
        return 0;
    }

    /** Takes back the attempt {@link #admit} counted: the password was right. */
    void signedIn(String address) {
        if (limit > 0) {
            uncount(address);
        }
    }

    /** The attempt {@link #admit} counted was refused: it stays counted. */
    void notSignedIn(String address) {
        Failures counted = failures.getIfPresent(address);
        if (limit > 0 && counted != null) {
            warnAtLimit(address, counted);
        }
    }

    private Failures count(String address) {
        return failures.asMap().merge(address, new Failures(Instant.now(), 1), (old, one) ->
                expired(old) ? one : new Failures(old.windowStart(), old.count() + 1));
    }

    private void warnAtLimit(String address, Failures counted) {
        if (counted.count() == limit) {
            log.warn("{} refused credentials from {} within {}; further attempts from it wait until {}",
                    limit, address, WINDOW, counted.windowStart().plus(WINDOW));
        }
    }

    /** Takes back an attempt that was not a failed sign-in (it succeeded, or was refused here without a check). */
    private void uncount(String address) {
        failures.asMap().computeIfPresent(address, (a, f) -> f.count() <= 1 ? null
                : new Failures(f.windowStart(), f.count() - 1));
    }

    private boolean isProven(HttpServletRequest request) {
        try {
            var credentials = basic.convert(request);
            return credentials != null && proven.remembers(credentials);
        } catch (org.springframework.security.core.AuthenticationException e) {
            return false; // a malformed Authorization header is not proven
        }
    }

    private static boolean expired(Failures f) {
        return !Instant.now().isBefore(f.windowStart().plus(WINDOW));
    }

    private static long secondsToWait(Failures f) {
        return Math.max(1, Duration.between(Instant.now(), f.windowStart().plus(WINDOW)).toSeconds() + 1);
    }

    private void refuse(HttpServletResponse response, Failures f) throws IOException {
        long wait = secondsToWait(f);
        ProblemDetail p = TOO_MANY_FAILED_SIGN_INS.detail("credentials from this address were refused "
                + limit + " times within a minute; try again in " + wait + " s");
        response.setStatus(p.getStatus());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(p));
    }
}
