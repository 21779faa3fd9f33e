package org.beacon.service.system;

import jakarta.servlet.http.HttpServletRequest;

/** Who made a request, for the audit trail and the rule-set events. */
public final class Callers {

    private Callers() {
    }

    /** The authenticated user, or {@code anonymous@<client address>} until authentication arrives (issue 9). */
    public static String of(HttpServletRequest http) {
        return http.getUserPrincipal() != null ? http.getUserPrincipal().getName()
                : "anonymous@" + http.getRemoteAddr();
    }
}
