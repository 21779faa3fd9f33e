package org.beacon.service.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what. Stateless HTTP Basic (no session, no cookie, so no CSRF token is needed); each endpoint needs
 * the least role that may use it and the hierarchy gives it to the roles above. Anything not listed here needs
 * admin, so a new endpoint is closed until it is placed in this table (a test checks that every endpoint is).
 * A browser signed in to the console ({@link ConsoleSecurityConfig}) may call the same URLs with its session under
 * the same roles, with a CSRF token for changes ({@link BrowserSessions}); it never gets a session from here.
 */
@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, JsonMapper json, SecurityProperties properties, UserService users,
            FilterRegistrationBean<FailedLoginThrottle> throttle, ApplicationContext context) throws Exception {
        ProblemResponses problems = new ProblemResponses(json);
        http.addFilterBefore(throttle.getFilter(), BasicAuthenticationFilter.class)
                .addFilterAfter(new SessionUserCheck(users, properties.credentialCache()),
                        SecurityContextHolderFilter.class)
                .addFilterBefore(new UnservedMethods(() -> context.getBean("requestMappingHandlerMapping",
                        RequestMappingHandlerMapping.class), json), AuthorizationFilter.class)
                .securityContext(c -> c.securityContextRepository(BrowserSessions.contextRepository()))
                .csrf(c -> c.requireCsrfProtectionMatcher(BrowserSessions::changesState))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .httpBasic(b -> b.realmName(ProblemResponses.REALM).authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(BrowserSessions.entryPoint(problems))
                        .accessDeniedHandler(BrowserSessions.accessDenied(problems, json)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(GET, "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers(GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(POST, "/evaluations", "/evaluations/batch", "/risk-map", "/benchmark/noop")
                        .hasRole(Role.CALLER.name())
                        .requestMatchers(GET, "/indicators", "/indicators/schema").hasRole(Role.CALLER.name())
                        .requestMatchers(GET, "/users/me").authenticated()
                        .requestMatchers(POST, "/users/me/password").authenticated()
                        .requestMatchers(GET, "/evaluations", "/evaluations/*").hasRole(Role.REVIEWER.name())
                        // an impact run decides with a version that may never have been in force
                        .requestMatchers("/rule-sets/*/impact", "/rule-sets/*/impact/**").hasRole(Role.EDITOR.name())
                        .requestMatchers(GET, "/rule-sets", "/rule-sets/**").hasRole(Role.REVIEWER.name())
                        .requestMatchers(GET, "/replays", "/replays/**").hasRole(Role.REVIEWER.name())
                        .requestMatchers(POST, "/replays").hasRole(Role.REVIEWER.name())
                        .requestMatchers(GET, "/calibrations", "/calibrations/**").hasRole(Role.REVIEWER.name())
                        .requestMatchers(POST, "/calibrations").hasRole(Role.REVIEWER.name())
                        .requestMatchers(POST, "/rule-sets", "/rule-sets/check").hasRole(Role.EDITOR.name())
                        .requestMatchers(POST, "/rule-sets/*/activation", "/rule-sets/*/rollback")
                        .hasRole(Role.ADMIN.name())
                        .anyRequest().hasRole(Role.ADMIN.name()));
        return http.build();
    }

    /**
     * One throttle for HTTP Basic and the console's sign-in form, so both count in the same window. A filter of the
     * API chain only: registered here so that the servlet container does not run it a second time for every path.
     */
    @Bean
    FilterRegistrationBean<FailedLoginThrottle> failedLoginThrottle(JsonMapper json, SecurityProperties properties,
            CachingAuthenticationProvider credentials) {
        var registration = new FilterRegistrationBean<>(new FailedLoginThrottle(properties.failedLoginsPerMinute(),
                json, credentials));
        registration.setEnabled(false);
        return registration;
    }

    /** Picked up by Spring Security's filter chain for paths its firewall refuses. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(JsonMapper json) {
        return new ProblemResponses(json);
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        // from the enum's order, the same order Role.includes uses
        var builder = RoleHierarchyImpl.withDefaultRolePrefix();
        Role[] roles = Role.values();
        for (int i = roles.length - 1; i > 0; i--) {
            builder = builder.role(roles[i].name()).implies(roles[i - 1].name());
        }
        return builder.build();
    }

    /**
     * Spring Security observes every filter, authentication and authorization of every request as soon as an
     * observation registry exists (the actuator's): a timer per filter chain, authentication and authorization that
     * no dashboard reads, paid on every request (issue 25). The request itself stays observed
     * ({@code http.server.requests}).
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    CachingAuthenticationProvider authenticationProvider(UserService users, PasswordEncoder encoder,
            SecurityProperties properties) {
        UserDetailsService details = username -> {
            StoredUser u = users.stored(username);
            if (u == null) {
                throw new UsernameNotFoundException("no such user");
            }
            return User.withUsername(u.username()).password(u.passwordHash()).disabled(!u.enabled())
                    .authorities(u.roles().stream().map(Role::authority).toArray(String[]::new)).build();
        };
        DaoAuthenticationProvider checker = new DaoAuthenticationProvider(details);
        checker.setPasswordEncoder(encoder);
        return new CachingAuthenticationProvider(checker, users, properties.credentialCache());
    }
}
