package org.beacon.service.security;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks the console's sign-in form against the same users and passwords as HTTP Basic, counted by the same
 * {@link FailedLoginThrottle}. What it returns, and so what the session keeps, is the user name and authorities
 * only: no password, no hash.
 */
final class FormSignIn implements AuthenticationManager {

    private final CachingAuthenticationProvider credentials;
    private final FailedLoginThrottle throttle;

    FormSignIn(CachingAuthenticationProvider credentials, FailedLoginThrottle throttle) {
        this.credentials = credentials;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String address = attempt.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "";
        long wait = throttle.admit(address, attempt);
        if (wait > 0) {
            throw new TooManyFailedSignInsException(wait);
        }
        Authentication checked;
        try {
            checked = credentials.authenticate(attempt);
        } catch (AuthenticationException e) {
            throttle.notSignedIn(address);
            throw e;
        }
        if (checked == null || !checked.isAuthenticated()) {
            throttle.notSignedIn(address);
            throw new BadCredentialsException("the user name or password is wrong");
        }
        throttle.signedIn(address);
        UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(
                checked.getName(), null, checked.getAuthorities());
        signedIn.setDetails(attempt.getDetails());
        return signedIn;
    }
}
