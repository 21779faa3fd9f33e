package org.beacon.service.security;

/** No user has this name. Becomes a 404 problem. */
public final class UserNotFoundException extends RuntimeException {

    UserNotFoundException(String username) {
        super("no user is called '" + username + "'");
    }
}
