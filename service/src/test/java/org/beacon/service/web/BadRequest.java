package org.beacon.service.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * One request of the corpus and the status Beacon must refuse it with.
 *
 * @param group what kind of bad request it is, for the report (one container per group)
 * @param name what is wrong with it, in a few words
 * @param caller who sends it
 * @param method the HTTP method
 * @param path path and query, already percent-encoded where a client would encode
 * @param contentType the Content-Type header, or null for none
 * @param accept the Accept header, or null for none
 * @param body the body, made when the request is sent (an oversized one is never kept in memory between cases);
 *     null for none
 * @param chunked true to send the body without a Content-Length (Transfer-Encoding: chunked)
 * @param status the status expected
 * @param contentEncoding the Content-Encoding header, or null for none
 */
record BadRequest(String group, String name, Caller caller, String method, String path, String contentType,
        String accept, Supplier<byte[]> body, boolean chunked, int status, String contentEncoding) {

    /** Who sends a request: the test admin, a user of the corpus's own (for /users/me), or nobody signed in. */
    enum Caller { ADMIN, OWN_USER, ANONYMOUS }

    /** A part of a multipart form: a text field when fileName is null. */
    record Part(String name, String fileName, String contentType, byte[] bytes) {

        static Part field(String name, String value) {
            return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
        }

        static Part file(String name, String fileName, byte[] bytes) {
            return new Part(name, fileName, "application/octet-stream", bytes);
        }
    }

    /** A multipart/form-data body with this boundary. */
    static byte[] multipart(String boundary, List<Part> parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (Part p : parts) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name() + "\""
                    + (p.fileName() == null ? "" : "; filename=\"" + p.fileName() + "\"") + "\r\n"
                    + (p.contentType() == null ? "" : "Content-Type: " + p.contentType() + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(p.bytes());
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return method + " " + shorten(path) + " " + name + " → " + status
                + (caller == Caller.ANONYMOUS ? " (anonymous)" : "");
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
