package org.beacon.service.security;

import org.beacon.service.web.ProblemException;
import org.beacon.service.web.ProblemType;

/** A user change the current users do not allow: the name is taken, or it would leave no admin. Becomes a 409. */
public final class UserConflictException extends ProblemException {

    static final ProblemType KIND = new ProblemType("user-conflict", 409, "User change refused");

    UserConflictException(String message) {
        super(KIND, message);
    }
}
