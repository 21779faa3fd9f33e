package org.beacon.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for integration tests against the application on its random port, signed in as one user (HTTP
 * Basic) or anonymous.
 */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final HttpClient client = CLIENT;
    private final String base;
    private final Credentials credentials;
    private final String acceptLanguage;

    /** A user name and password for HTTP Basic. */
    public record Credentials(String username, String password) {
        String header() {
            return "Basic " + java.util.Base64.getEncoder().encodeToString((username + ":" + password)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** Anonymous: no credentials. */
    public Http(int port) {
        this(port, null);
    }

    public Http(int port, Credentials credentials) {
        this(port, credentials, null);
    }

    private Http(int port, Credentials credentials, String acceptLanguage) {
        this.base = "http://localhost:" + port;
        this.credentials = credentials;
        this.acceptLanguage = acceptLanguage;
    }

    private int port() {
        return Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
    }

    /** The same server, signed in as someone else (null: anonymous). */
    public Http as(Credentials other) {
        return new Http(port(), other, acceptLanguage);
    }

    /** The same, asking for answers in a language: {@code Accept-Language: zh-CN}. */
    public Http acceptingLanguage(String languages) {
        return new Http(port(), credentials, languages);
    }

    private HttpRequest signed(HttpRequest request) {
        HttpRequest.Builder b = HttpRequest.newBuilder(request, (name, value) -> true);
        if (acceptLanguage != null && request.headers().firstValue("Accept-Language").isEmpty()) {
            b.header("Accept-Language", acceptLanguage);
        }
        if (credentials != null && request.headers().firstValue("Authorization").isEmpty()) {
            b.header("Authorization", credentials.header());
        }
        return b.build();
    }

    /** Status, content type and parsed body (null when the body is not JSON). */
    public record Response(int status, String contentType, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The first value of a response header, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** A file part of a multipart form: the part's name, the file name, the bytes. */
    public record FilePart(String part, String fileName, byte[] bytes) {
    }

    public byte[] getBytes(String path) {
        try {
            return client.send(signed(HttpRequest.newBuilder(URI.create(base + path)).GET().build()),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response whose body is kept as bytes (a download). */
    public record Binary(int status, java.net.http.HttpHeaders headers, byte[] body) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public Binary download(String path) {
        try {
            HttpResponse<byte[]> r = client.send(signed(HttpRequest.newBuilder(URI.create(base + path)).GET().build()),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Binary(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    public Response post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A multipart/form-data POST: text fields, then files (name → bytes) under the part name "files". */
    public Response postFiles(String path, java.util.Map<String, String> fields, java.util.Map<String, byte[]> files) {
        return postForm(path, fields, files.entrySet().stream().map(f -> new FilePart("files", f.getKey(),
                f.getValue())).toList());
    }

    /** A text field of a multipart form; a form may repeat a name ({@code remove=a.xlsx}, {@code remove=b.xlsx}). */
    public record Field(String name, String value) {
    }

    /** A multipart/form-data POST: text fields, then file parts. */
    public Response postForm(String path, java.util.Map<String, String> fields, java.util.List<FilePart> files) {
        return postForm(path, fields.entrySet().stream().map(f -> new Field(f.getKey(), f.getValue())).toList(),
                files);
    }

    /** A multipart/form-data POST: text fields (names may repeat), then file parts. */
    public Response postForm(String path, java.util.List<Field> fields, java.util.List<FilePart> files) {
        String boundary = "beacon" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        fields.forEach(f -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + f.name() + "\"\r\n\r\n" + f.value() + "\r\n").getBytes(utf8)));
        files.forEach(f -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.part()
                    + "\"; filename=\"" + f.fileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(utf8));
            body.writeBytes(f.bytes());
            body.writeBytes("\r\n".getBytes(utf8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(utf8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    public Response postJson(String path, String body) {
        return post(path, "application/json", body);
    }

    public Response patchJson(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE().build());
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(signed(request), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
                    r.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
