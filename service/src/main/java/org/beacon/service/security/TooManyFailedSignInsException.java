package org.beacon.service.security;

import org.springframework.security.core.AuthenticationException;

/** The console's sign-in form was refused without a check: too many refused sign-ins from this address. */
final class TooManyFailedSignInsException extends AuthenticationException {

    private final long secondsToWait;

    TooManyFailedSignInsException(long secondsToWait) {
        super("too many refused sign-ins from this address; try again in " + secondsToWait + " s");
        this.secondsToWait = secondsToWait;
    }

    long secondsToWait() {
        return secondsToWait;
    }
}
