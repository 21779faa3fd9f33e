package org.beacon.service.web;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Problem types (RFC 9457): one fixed URI and title per kind of problem. */
public enum Problems {
    INVALID_REQUEST(400, "Invalid request"),
    UNAUTHORIZED(401, "Authentication required"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not found"),
    EVALUATION_NOT_FOUND(404, "Evaluation not found"),
    RULE_SET_NOT_FOUND(404, "Rule set not found"),
    REPLAY_NOT_FOUND(404, "Replay not found"),
    USER_NOT_FOUND(404, "User not found"),
    USER_CONFLICT(409, "User change refused"),
    REPLAY_NOT_FINISHED(409, "Replay not finished"),
    RULE_SET_CONFLICT(409, "Rule set change refused"),
    CONCURRENT_CHANGE(409, "Concurrent rule set change"),
    INVALID_RULE_SET(422, "Invalid rule set"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    PAYLOAD_TOO_LARGE(413, "Request too large"),
    BATCH_TOO_LARGE(413, "Batch too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    TOO_MANY_FAILED_LOGINS(429, "Too many failed sign-ins"),
    INTERNAL_ERROR(500, "Internal error"),
    REPLAYS_BUSY(503, "Too many replays"),
    COMPILES_BUSY(503, "Too many rule-set compiles");

    private final int status;
    private final String title;

    Problems(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public URI type() {
        return URI.create("urn:beacon:problem:" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public ProblemDetail detail(String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        p.setType(type());
        p.setTitle(title);
        return p;
    }

    /** The generic kind for a status Spring produced itself (unknown path, wrong method, …). */
    static Problems forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? INTERNAL_ERROR : INVALID_REQUEST;
        };
    }
}
