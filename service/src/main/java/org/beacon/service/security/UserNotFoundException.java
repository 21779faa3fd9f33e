package org.beacon.service.security;

import org.beacon.service.web.ProblemException;
import org.beacon.service.web.ProblemType;

/** No user has this name. Becomes a 404 problem. */
public final class UserNotFoundException extends ProblemException {

    static final ProblemType KIND = new ProblemType("user-not-found", 404, "User not found");

    UserNotFoundException(String username) {
        super(KIND, "no user is called '" + username + "'");
    }
}
