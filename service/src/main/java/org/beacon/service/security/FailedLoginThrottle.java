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
import org.beacon.service.system.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Slows password guessing: a client address whose credentials were refused {@code limit} times within a minute gets
 * 429 (with Retry-After) for any further credentials until that minute is over, without a bcrypt check, so guessing
 * can neither succeed by volume nor burn the processors. Requests without credentials are not counted. Behind a
 * proxy, set {@code server.forward-headers-strategy} so that the address is the client's. Thread-safe.
 */
final class FailedLoginThrottle extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(FailedLoginThrottle.class);
    static final Duration WINDOW = Duration.ofMinutes(1);

    private record Failures(Instant windowStart, int count) {
    }

    private final int limit;
    private final JsonMapper json;
    private final Cache<String, Failures> failures = Caffeine.newBuilder().expireAfterWrite(WINDOW)
            .maximumSize(100_000).build();

    FailedLoginThrottle(int limit, JsonMapper json) {
        this.limit = limit;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) == null || limit <= 0) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Failures f = current(address);
        if (f != null && f.count() >= limit) {
            refuse(response, f);
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            Failures after = failures.asMap().merge(address, new Failures(Instant.now(), 1), (old, one) ->
                    expired(old) ? one : new Failures(old.windowStart(), old.count() + 1));
            if (after.count() == limit) {
                log.warn("{} refused credentials from {} within {}; further attempts from it wait until {}",
                        limit, address, WINDOW, after.windowStart().plus(WINDOW));
            }
        }
    }

    private Failures current(String address) {
        Failures f = failures.getIfPresent(address);
        return f == null || expired(f) ? null : f;
    }

    private static boolean expired(Failures f) {
        return !Instant.now().isBefore(f.windowStart().plus(WINDOW));
    }

    private void refuse(HttpServletResponse response, Failures f) throws IOException {
        long wait = Math.max(1, Duration.between(Instant.now(), f.windowStart().plus(WINDOW)).toSeconds() + 1);
        ProblemDetail p = Problems.TOO_MANY_FAILED_LOGINS.detail("credentials from this address were refused "
                + f.count() + " times within a minute; try again in " + wait + " s");
        response.setStatus(p.getStatus());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(p));
    }
}
