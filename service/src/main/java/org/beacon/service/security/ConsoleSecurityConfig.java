package org.beacon.service.security;

import static org.springframework.http.HttpMethod.GET;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.CrossOriginResourcePolicyHeaderWriter.CrossOriginResourcePolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The console's pages (org.beacon.service.console): a sign-in form with a session and CSRF protection, the same
 * users, roles and failed-sign-in throttle as the API, sign-out, and the page each role may open. A page a role may
 * not use is refused with the console's 403 page; a browser that is not signed in (or whose session ended) is sent
 * to the sign-in page and, once signed in, back to the page it asked for. The console's navigation asks these same
 * rules which pages to offer, so the two cannot disagree.
 *
 * <p>Every page gets a strict Content-Security-Policy: scripts, styles, images and fonts from this service only, no
 * inline script or style (htmx is configured not to inject its indicator style), no framing.
 */
@Configuration
class ConsoleSecurityConfig {

    /**
     * Scripts, styles, images and fonts only from the jar; no inline script or style (htmx is configured not to
     * inject its own style, see the console's layout); no plugins, no framing, forms only to this service.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
            + "frame-ancestors 'none'";

    /** The paths of this chain; everything else is the API's ({@link SecurityConfig}). */
    private static final String[] PATHS = {"/", "/console", "/console/**", "/assets/**", "/webjars/htmx.org/**",
        "/webjars/echarts/**"};

    @Bean
    @Order(1)
    SecurityFilterChain console(HttpSecurity http, UserService users, SecurityProperties properties,
            CachingAuthenticationProvider credentials, FilterRegistrationBean<FailedLoginThrottle> throttle,
            @Value("${server.servlet.session.cookie.name:JSESSIONID}") String sessionCookie) throws Exception {
        SessionUserCheck check = new SessionUserCheck(users, properties.credentialCache());
        SavedRequestAwareAuthenticationSuccessHandler back = new SavedRequestAwareAuthenticationSuccessHandler();
        back.setDefaultTargetUrl("/console");
        back.setRequestCache(pagesOnly());
        http.securityMatcher(PATHS)
                .authenticationManager(new FormSignIn(credentials, throttle.getFilter()))
                .addFilterAfter(check, SecurityContextHolderFilter.class)
                .formLogin(f -> f.loginPage(SignInRedirect.SIGN_IN).loginProcessingUrl(SignInRedirect.SIGN_IN)
                        .successHandler((request, response, signedIn) -> {
                            check.signedIn(request, signedIn);
                            back.onAuthenticationSuccess(request, response, signedIn);
                        })
                        .failureHandler(failures()))
                .logout(l -> l.logoutUrl("/console/sign-out").logoutSuccessUrl(SignInRedirect.SIGN_IN + "?signed-out")
                        .deleteCookies(sessionCookie))
                .requestCache(c -> c.requestCache(pagesOnly()))
                .exceptionHandling(e -> e.authenticationEntryPoint(new SignInRedirect())
                        .accessDeniedHandler(refusals()))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        .crossOriginOpenerPolicy(c -> c.policy(CrossOriginOpenerPolicy.SAME_ORIGIN))
                        .crossOriginResourcePolicy(c -> c.policy(CrossOriginResourcePolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(GET, "/assets/**", "/webjars/htmx.org/**", "/webjars/echarts/**").permitAll()
                        .requestMatchers(GET, "/", SignInRedirect.SIGN_IN).permitAll()
                        // each page needs the least role of the API it shows; later pages are placed here first
                        .requestMatchers("/console/decisions/**").hasRole(Role.CALLER.name())
                        .requestMatchers("/console/rule-sets/check", "/console/rule-sets/check/**")
                        .hasRole(Role.EDITOR.name())
                        // the confirmation pages of the admin's changes, before the rule-set pages they sit under
                        .requestMatchers("/console/rule-sets/*/activation", "/console/rule-sets/*/rollback")
                        .hasRole(Role.ADMIN.name())
                        // an impact run decides with a version that may never have been in force, as the API's
                        .requestMatchers("/console/rule-sets/*/impact", "/console/rule-sets/*/impact/**")
                        .hasRole(Role.EDITOR.name())
                        .requestMatchers("/console/rule-sets/**", "/console/audit/**", "/console/audit.csv", "/console/replays/**",
                                "/console/risk-map/**", "/console/calibrations/**").hasRole(Role.REVIEWER.name())
                        .requestMatchers("/console/users/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated());
        return http.build();
    }

    /**
     * A page a role may not open: the console's 403 page. But a form sent after its session ended (an upload that
     * took longer than the session, a page left open overnight) fails its CSRF check only because the session and
     * its token are gone: that browser goes to the sign-in page, which says the session ended, and nothing of the
     * form is done.
     */
    private static AccessDeniedHandler refusals() {
        AccessDeniedHandlerImpl page = new AccessDeniedHandlerImpl();
        page.setErrorPage("/console/forbidden");
        SignInRedirect signIn = new SignInRedirect();
        return (request, response, e) -> {
            if (e instanceof CsrfException && SignInRedirect.sessionEnded(request)) {
                signIn.commence(request, response, new InsufficientAuthenticationException("the session ended"));
            } else if (e instanceof CsrfException && unreadableForm(request)) {
                // a file over the upload limit: the form, its token with it, was not read; the page says why
                response.sendRedirect(request.getRequestURI() + "?tooLarge");
            } else {
                page.handle(request, response, e);
            }
        };
    }

    /** A multipart form the container refused to read (a file over {@code spring.servlet.multipart.*}). */
    private static boolean unreadableForm(HttpServletRequest request) {
        if (request.getContentType() == null || !request.getContentType().startsWith("multipart/")) {
            return false;
        }
        try {
            request.getParts();
            return false;
        } catch (IllegalStateException | IOException | ServletException refused) {
            return true;
        }
    }

    /** A failed sign-in stays on the sign-in page, saying why. */
    private static AuthenticationFailureHandler failures() {
        return (request, response, e) -> response.sendRedirect(request.getContextPath() + SignInRedirect.SIGN_IN
                + (e instanceof TooManyFailedSignInsException t ? "?throttled=" + t.secondsToWait() : "?error"));
    }

    /** Remembers a page a browser asked for before signing in; not an htmx request for a part of a page. */
    private static HttpSessionRequestCache pagesOnly() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        RequestMatcher page = request -> "GET".equals(request.getMethod()) && request.getHeader("HX-Request") == null
                && request.getRequestURI().startsWith(request.getContextPath() + "/console");
        cache.setRequestMatcher(page);
        return cache;
    }
}
