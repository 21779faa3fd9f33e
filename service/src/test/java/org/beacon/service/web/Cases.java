package org.beacon.service.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.beacon.service.web.BadRequest.Caller;
import org.beacon.service.web.BadRequest.Part;

/** Collects the corpus, group by group, with one short call per case. */
final class Cases {

    static final String BOUNDARY = "corpus7MA4YWxkTrZu0gW";
    static final String JSON = "application/json";
    static final String FORM = "multipart/form-data; boundary=" + BOUNDARY;

    private final List<BadRequest> all = new ArrayList<>();
    private String group = "ungrouped";
    private Caller caller = Caller.ADMIN;

    List<BadRequest> all() {
        return Collections.unmodifiableList(all);
    }

    /** Starts a group; its cases are sent as the admin unless {@link #as} says otherwise. */
    Cases group(String name) {
        group = name;
        caller = Caller.ADMIN;
        return this;
    }

    Cases as(Caller who) {
        caller = who;
        return this;
    }

    void get(String path, String name, int status) {
        add(name, "GET", path, null, null, null, false, status);
    }

    void json(String method, String path, String name, String body, int status) {
        bytes(method, path, name, JSON, body.getBytes(StandardCharsets.UTF_8), status);
    }

    void bytes(String method, String path, String name, String contentType, byte[] body, int status) {
        add(name, method, path, contentType, null, () -> body, false, status);
    }

    /** A multipart/form-data POST with these parts. */
    void form(String path, String name, int status, Part... parts) {
        byte[] body = BadRequest.multipart(BOUNDARY, List.of(parts));
        add(name, "POST", path, FORM, null, () -> body, false, status);
    }

    /** Any request, for the cases the shortcuts above do not cover. */
    void add(String name, String method, String path, String contentType, String accept, Supplier<byte[]> body,
            boolean chunked, int status) {
        all.add(new BadRequest(group, name, caller, method, path, contentType, accept, body, chunked, status, null));
    }

    /** A body sent with this Content-Encoding. */
    void encoded(String name, String method, String path, String contentType, String encoding, Supplier<byte[]> body,
            int status) {
        all.add(new BadRequest(group, name, caller, method, path, contentType, null, body, false, status, encoding));
    }

    /** {@code s} percent-encoded for a path segment or a query value (every byte outside A-Z a-z 0-9 - . _ ~). */
    static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 128 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return sb.toString();
    }

    /** A JSON string literal of {@code s}, escaped. */
    static String quoted(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
