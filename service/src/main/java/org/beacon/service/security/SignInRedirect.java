package org.beacon.service.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Sends a browser that is not signed in to the console's sign-in page, saying so when its session has ended (timed
 * out, signed out elsewhere, or its user was disabled). An htmx request gets 401 with {@code HX-Redirect}, so that
 * htmx loads the sign-in page as a whole instead of swapping it into a part of the page it was updating.
 */
final class SignInRedirect implements AuthenticationEntryPoint {

    static final String SIGN_IN = "/console/sign-in";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String target = request.getContextPath() + SIGN_IN + (sessionEnded(request) ? "?expired" : "");
        if ("true".equals(request.getHeader("HX-Request"))) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("HX-Redirect", target);
            return;
        }
        response.sendRedirect(target);
    }

    /** The browser sent a session that is no longer there. */
    static boolean sessionEnded(HttpServletRequest request) {
        return request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
    }
}
