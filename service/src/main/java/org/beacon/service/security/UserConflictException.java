package org.beacon.service.security;

/** A user change the current users do not allow: the name is taken, or it would leave no admin. Becomes a 409. */
public final class UserConflictException extends RuntimeException {

    UserConflictException(String message) {
        super(message);
    }
}
