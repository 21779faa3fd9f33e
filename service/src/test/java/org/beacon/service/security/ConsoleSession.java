package org.beacon.service.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser as the security configuration sees it, without a browser: cookies kept, redirects not followed, the
 * sign-in form sent with its CSRF token. For tests of the console's sessions against the running service.
 */
public final class ConsoleSession {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern PAGE_TOKEN = Pattern.compile("X-CSRF-TOKEN&quot;:&quot;([^&]+)&quot;");

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;

    public ConsoleSession(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Sends the sign-in form; the answer is a redirect to the console, or back to the sign-in page. */
    public HttpResponse<String> signIn(String username, String password) {
        String token = token(get("/console/sign-in").body(), FORM_TOKEN);
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token);
        return send(HttpRequest.newBuilder(URI.create(base + "/console/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A POST from a page: with the CSRF token the console's pages carry (read from the home page), or without. */
    public HttpResponse<String> post(String path, boolean withToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (withToken) {
            request.header("X-CSRF-TOKEN", token(get("/console").body(), PAGE_TOKEN));
        }
        return send(request);
    }

    /** A form sent from a page (URL-encoded), with the CSRF token the console's pages carry. */
    public HttpResponse<String> postForm(String path, java.util.Map<String, String> fields) {
        StringBuilder form = new StringBuilder();
        fields.forEach((name, value) -> form.append(form.isEmpty() ? "" : "&").append(encode(name)).append('=')
                .append(encode(value)));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-CSRF-TOKEN", token(get("/console").body(), PAGE_TOKEN))
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    /** A GET with this session's cookie and HTTP Basic credentials too. */
    HttpResponse<String> getWithBasic(String path, String username, String password) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().header("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString((username + ":" + password)
                        .getBytes(StandardCharsets.UTF_8))));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String token(String page, Pattern pattern) {
        Matcher m = pattern.matcher(page);
        if (!m.find()) {
            throw new AssertionError("no CSRF token in the page:\n" + page);
        }
        return m.group(1);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
