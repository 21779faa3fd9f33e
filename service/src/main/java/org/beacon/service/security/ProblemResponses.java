package org.beacon.service.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.beacon.service.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 (no or wrong credentials, with the Basic challenge), 403 (a role that does not allow this) and 400 (a path
 * the firewall refuses) as problem+json, like every other error. The details never say whether a user name exists.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    static final String REALM = "beacon";

    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        write(response, Problems.UNAUTHORIZED.detail(request.getHeader(HttpHeaders.AUTHORIZATION) == null
                ? "this needs a user name and password (HTTP Basic); an admin creates users with POST /users"
                : "the user name or password is wrong, or the user is disabled"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, Problems.FORBIDDEN.detail(request.getMethod() + " " + request.getRequestURI()
                + " needs a role that user " + (request.getUserPrincipal() == null ? "" : "'"
                + request.getUserPrincipal().getName() + "' ") + "does not have; see GET /users/me for yours"));
    }

    /**
     * A path the firewall refuses before anything else runs (an encoded '.' or '%', ';', a line break): 400. The
     * firewall's own message is not repeated; it quotes the path.
     */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        write(response, Problems.INVALID_REQUEST.detail("the request's path holds characters Beacon refuses: an "
                + "encoded '.', '%' or '/', a ';', a backslash, a line break or another control character"));
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
