package org.beacon.service.web;

/**
 * The kinds of problem every part of the service shares: an invalid request, the statuses Spring and the security
 * filters produce themselves (unknown path, wrong method, no credentials, …), and the generic 500. A feature's own
 * kinds (rule set not found, replays busy, …) are declared beside its exceptions.
 */
public final class Problems {

    public static final ProblemType INVALID_REQUEST = new ProblemType("invalid-request", 400, "Invalid request");
    public static final ProblemType UNAUTHORIZED = new ProblemType("unauthorized", 401, "Authentication required");
    public static final ProblemType FORBIDDEN = new ProblemType("forbidden", 403, "Forbidden");
    public static final ProblemType NOT_FOUND = new ProblemType("not-found", 404, "Not found");
    public static final ProblemType METHOD_NOT_ALLOWED = new ProblemType("method-not-allowed", 405,
            "Method not allowed");
    public static final ProblemType NOT_ACCEPTABLE = new ProblemType("not-acceptable", 406, "Not acceptable");
    public static final ProblemType PAYLOAD_TOO_LARGE = new ProblemType("payload-too-large", 413,
            "Request too large");
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE = new ProblemType("unsupported-media-type", 415,
            "Unsupported media type");
    public static final ProblemType INTERNAL_ERROR = new ProblemType("internal-error", 500, "Internal error");

    private Problems() {
    }

    /** The generic kind for a status Spring produced itself (unknown path, wrong method, …). */
    static ProblemType forStatus(int status) {
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
