package org.beacon.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a signed-in browser session as current as HTTP Basic: when its user has been disabled, removed or given
 * another password, the session ends (the next page is the sign-in page); when the user's roles changed, the
 * session gets the new ones. The stored user is read again after any user change on this instance, and otherwise at
 * most every {@code beacon.security.credential-cache} (60 s), the time a verified Basic password is remembered, so a
 * change made on another instance sharing the database reaches sessions as soon as it reaches Basic callers.
 * Requests with an Authorization header are left alone. Thread-safe (what it keeps lives in the session).
 */
final class SessionUserCheck extends OncePerRequestFilter {

    private static final String CHECKED = SessionUserCheck.class.getName() + ".CHECKED";

    /** When the session's user was last compared with the stored one, and a digest of its password hash then. */
    private record Checked(long generation, Instant at, String password) implements Serializable {
    }

    private final UserService users;
    private final Duration interval;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    SessionUserCheck(UserService users, Duration interval) {
        this.users = users;
        this.interval = interval;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication signedIn = session == null || request.getHeader(HttpHeaders.AUTHORIZATION) != null ? null
                : holder.getContext().getAuthentication();
        if (signedIn instanceof UsernamePasswordAuthenticationToken && signedIn.isAuthenticated()) {
            check(request, session, signedIn);
        }
        chain.doFilter(request, response);
    }

    /** Notes, right after a sign-in, what the user's password was, so that a later change ends the session. */
    void signedIn(HttpServletRequest request, Authentication signedIn) {
        StoredUser u = users.stored(signedIn.getName());
        HttpSession session = request.getSession(false);
        if (u != null && session != null) {
            session.setAttribute(CHECKED, new Checked(users.generation(), Instant.now(), digest(u.passwordHash())));
        }
    }

    private void check(HttpServletRequest request, HttpSession session, Authentication signedIn) {
        long generation = users.generation();
        Checked last = (Checked) session.getAttribute(CHECKED);
        Instant now = Instant.now();
        if (last != null && last.generation() == generation && now.isBefore(last.at().plus(interval))) {
            return;
        }
        StoredUser u = users.stored(signedIn.getName());
        String password = u == null ? null : digest(u.passwordHash());
        if (u == null || !u.enabled() || (last != null && !last.password().equals(password))) {
            session.invalidate();
            holder.clearContext();
            return;
        }
        Set<String> roles = u.roles().stream().map(Role::authority).collect(Collectors.toSet());
        Set<String> had = signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        if (!roles.equals(had)) {
            UsernamePasswordAuthenticationToken updated = UsernamePasswordAuthenticationToken.authenticated(
                    signedIn.getName(), null, u.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
            updated.setDetails(signedIn.getDetails());
            SecurityContext context = holder.createEmptyContext();
            context.setAuthentication(updated);
            holder.setContext(context);
            session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        }
        session.setAttribute(CHECKED, new Checked(generation, now, password));
    }

    private static String digest(String passwordHash) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(passwordHash.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
