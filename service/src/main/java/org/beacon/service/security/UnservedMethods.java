package org.beacon.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.beacon.service.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * A method that a path does not serve at all (PUT /evaluations, OPTIONS on any path) is a 405 with {@code Allow},
 * for whoever is signed in, before roles are looked at: a caller was told 403, as if a higher role could use it.
 * A method the path serves still needs its role (403), and nobody signed in still gets 401, so this opens nothing.
 * HEAD is served wherever GET is (Spring answers it), and needs the role the table gives HEAD.
 */
final class UnservedMethods extends OncePerRequestFilter {

    /** A path pattern and the methods it serves. */
    private record Route(PathPattern pattern, Set<String> methods) {
    }

    private final Supplier<RequestMappingHandlerMapping> mappings;
    private final JsonMapper json;
    private volatile List<Route> routes;

    UnservedMethods(Supplier<RequestMappingHandlerMapping> mappings, JsonMapper json) {
        this.mappings = mappings;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn == null || !signedIn.isAuthenticated() || signedIn instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        Set<String> served = served(request);
        String method = request.getMethod();
        if (served.isEmpty() || served.contains(method) || (method.equals("HEAD") && served.contains("GET"))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(405);
        response.setHeader(HttpHeaders.ALLOW, String.join(", ", served));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(Problems.METHOD_NOT_ALLOWED.detail(method
                + " is not served at this path; it serves " + String.join(", ", served))));
    }

    /** The methods served at the request's path; empty for a path no handler serves (then it is not this 405). */
    private Set<String> served(HttpServletRequest request) {
        PathContainer path = RequestPath.parse(request.getRequestURI(), request.getContextPath())
                .pathWithinApplication();
        Set<String> methods = new TreeSet<>();
        for (Route r : routes()) {
            if (r.pattern().matches(path)) {
                if (r.methods().isEmpty()) {
                    return Set.of(); // served with any method
                }
                methods.addAll(r.methods());
            }
        }
        return methods;
    }

    /** Read once, on the first request: the handlers are all mapped by then. */
    private List<Route> routes() {
        List<Route> known = routes;
        if (known == null) {
            known = new ArrayList<>();
            for (RequestMappingInfo info : mappings.get().getHandlerMethods().keySet()) {
                if (info.getPathPatternsCondition() == null) {
                    continue;
                }
                Set<String> methods = new TreeSet<>();
                for (RequestMethod m : info.getMethodsCondition().getMethods()) {
                    methods.add(m.name());
                }
                for (PathPattern p : info.getPathPatternsCondition().getPatterns()) {
                    known.add(new Route(p, methods));
                }
            }
            routes = List.copyOf(known);
        }
        return known;
    }
}
