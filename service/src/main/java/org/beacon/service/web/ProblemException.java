package org.beacon.service.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;

/**
 * A failure a client can act on, carrying its own kind of problem: {@link ProblemHandler} answers with the kind's
 * type, title and status and this exception's message as the detail, so a feature adds an error without any change
 * here. A subclass adds members of its own (a list of diagnostics, a replay's status) or headers (Retry-After).
 */
public abstract class ProblemException extends RuntimeException {

    private final ProblemType kind;

    protected ProblemException(ProblemType kind, String detail) {
        super(detail);
        this.kind = kind;
    }

    public final ProblemType kind() {
        return kind;
    }

    /** The problem this occurrence answers with. */
    public final ProblemDetail problem() {
        ProblemDetail p = kind.detail(getMessage());
        addMembers(p);
        return p;
    }

    /** Adds members beyond type, title, status and detail; none by default. */
    protected void addMembers(ProblemDetail problem) {
    }

    /** Headers of the answer; none by default. */
    public HttpHeaders headers() {
        return new HttpHeaders();
    }
}
