package org.beacon.service.security;

import jakarta.servlet.http.HttpServletRequest;

/** Who made a request, for the audit trail, the rule-set events and the replays. */
public final class Callers {

    private Callers() {
    }

    /**
     * The signed-in user. Every audited endpoint needs one (see the security configuration); the address form is
     * only a guard so that a misconfiguration is visible in the audit instead of failing the request.
     */
    public static String of(HttpServletRequest http) {
        return http.getUserPrincipal() != null ? http.getUserPrincipal().getName()
                : "anonymous@" + http.getRemoteAddr();
    }
}
