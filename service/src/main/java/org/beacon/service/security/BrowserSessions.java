package org.beacon.service.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.util.Set;
import org.beacon.service.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the API does for a browser signed in to the console: the same URLs under the same roles, so that a link to a
 * workbook or a report downloads without a password prompt. A browser request is one without an Authorization
 * header that sends a session cookie or is a page navigation; requests with an Authorization header (HTTP Basic)
 * are handled exactly as before, and their session, if any, is not even read.
 *
 * <ul>
 *   <li>the console's session is read, never created nor written: API answers set no cookie;</li>
 *   <li>a change (POST, PUT, PATCH, DELETE) made with a session needs the CSRF token the console's pages carry,
 *       refused with a 403 problem that says so;</li>
 *   <li>a browser that is not (or no longer) signed in is sent to the console's sign-in page when it navigates,
 *       and otherwise gets the 401 problem without the Basic challenge, which would open the browser's own
 *       password prompt.</li>
 * </ul>
 */
final class BrowserSessions {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private BrowserSessions() {
    }

    /** True for a change sent with a live session and without an Authorization header: it needs a CSRF token. */
    static boolean changesState(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod()) && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && request.getSession(false) != null;
    }

    /** Sent by a browser rather than an API client: a session cookie or a page navigation, no Authorization. */
    static boolean isBrowser(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) == null && (request.getRequestedSessionId() != null
                || "navigate".equals(request.getHeader("Sec-Fetch-Mode")));
    }

    /** HTTP Basic's context for this request, else the console session's, read without creating a session. */
    static SecurityContextRepository contextRepository() {
        return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
                new SessionReader());
    }

    /** The API's 401 for API clients; the sign-in page or a 401 without the Basic challenge for a browser. */
    static AuthenticationEntryPoint entryPoint(AuthenticationEntryPoint api) {
        SignInRedirect signIn = new SignInRedirect();
        return (request, response, e) -> {
            if (!isBrowser(request)) {
                api.commence(request, response, e);
            } else if ("GET".equals(request.getMethod()) && "navigate".equals(request.getHeader("Sec-Fetch-Mode"))) {
                signIn.commence(request, response, e);
            } else {
                api.commence(request, new WithoutChallenge(response), e);
            }
        };
    }

    /** The API's 403, and one that names the missing CSRF token when that is what was refused. */
    static AccessDeniedHandler accessDenied(AccessDeniedHandler api, JsonMapper json) {
        return (request, response, e) -> {
            if (!(e instanceof CsrfException)) {
                api.handle(request, response, e);
                return;
            }
            ProblemDetail p = Problems.FORBIDDEN.detail("a change sent with a console session needs the session's "
                    + "CSRF token (header X-CSRF-TOKEN, as the console's pages send it)");
            response.setStatus(p.getStatus());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(json.writeValueAsBytes(p));
        };
    }

    /** The console session's security context, read only: nothing is written to a session from the API. */
    private static final class SessionReader implements SecurityContextRepository {

        private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

        SessionReader() {
            sessions.setAllowSessionCreation(false);
        }

        @Override
        public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
            if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
                return new Empty();
            }
            return sessions.loadDeferredContext(request);
        }

        @Override
        @Deprecated
        public SecurityContext loadContext(HttpRequestResponseHolder holder) {
            return loadDeferredContext(holder.getRequest()).get();
        }

        @Override
        public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
            // read only: the console's own chain signs in and out
        }

        @Override
        public boolean containsContext(HttpServletRequest request) {
            return request.getHeader(HttpHeaders.AUTHORIZATION) == null && sessions.containsContext(request);
        }
    }

    private static final class Empty implements DeferredSecurityContext {
        @Override
        public SecurityContext get() {
            return SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        }

        @Override
        public boolean isGenerated() {
            return true;
        }
    }

    /** A response that drops the Basic challenge, so that the browser shows no password prompt of its own. */
    private static final class WithoutChallenge extends HttpServletResponseWrapper {
        WithoutChallenge(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            if (!HttpHeaders.WWW_AUTHENTICATE.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!HttpHeaders.WWW_AUTHENTICATE.equalsIgnoreCase(name)) {
                super.addHeader(name, value);
            }
        }
    }
}
