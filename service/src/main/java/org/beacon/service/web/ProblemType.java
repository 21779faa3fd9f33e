package org.beacon.service.web;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * One kind of problem (RFC 9457): a fixed type URI ({@code urn:beacon:problem:<name>}), a fixed title and the
 * status it answers with. The feature that raises a problem declares its kind beside its exception.
 *
 * @param name the last part of the type URI, in kebab case ({@code rule-set-not-found})
 * @param status the HTTP status
 * @param title the same for every occurrence of this kind
 */
public record ProblemType(String name, int status, String title) {

    public URI type() {
        return URI.create("urn:beacon:problem:" + name.toLowerCase(Locale.ROOT));
    }

    /** A problem of this kind with the detail of one occurrence. */
    public ProblemDetail detail(String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        p.setType(type());
        p.setTitle(title);
        return p;
    }
}
