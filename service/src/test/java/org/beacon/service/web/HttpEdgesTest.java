package org.beacon.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.beacon.service.Http;
import org.beacon.service.ServiceTest;
import org.beacon.service.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The edges of HTTP a client meets: the error page is no endpoint, a method a path does not serve is a 405 for
 * whoever asks, compressed bodies are read, and a query parameter or form field Beacon does not know is refused
 * where a typo would change a decision.
 */
@ServiceTest
class HttpEdgesTest {

    private static final String SITUATION = BodyCorpus.SITUATION.valid();

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    private Http as(Http.Credentials who) {
        return new Http(port, who);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private static void assertProblem(Http.Response r, int status, String type) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).as(r.body()).startsWith("application/problem+json");
        assertThat(r.json().at("/type").asString()).as(r.body()).isEqualTo("urn:beacon:problem:" + type);
        assertThat(r.json().at("/status").asInt()).isEqualTo(status);
    }

    @Test
    void theErrorPageIsNoEndpoint() {
        assertProblem(as(null).get("/error"), 404, "not-found");
        assertProblem(as(users.admin()).get("/error"), 404, "not-found");
        assertProblem(as(users.admin()).postJson("/error", "{}"), 404, "not-found");
    }

    @Test
    void traceIsAMethodNotAllowedProblem() {
        Http.Response r = as(users.admin()).send(request("/evaluations").method("TRACE",
                HttpRequest.BodyPublishers.noBody()).build());
        assertProblem(r, 405, "method-not-allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE", "OPTIONS", "PATCH"})
    void aMethodThePathDoesNotServeIs405EvenForACaller(String method) {
        Http.Response r = as(users.caller()).send(request("/evaluations").method(method,
                HttpRequest.BodyPublishers.noBody()).build());
        assertProblem(r, 405, "method-not-allowed");
        assertThat(r.header("Allow")).contains("POST", "GET");
        Http.Response users = as(this.users.caller()).send(request("/users/caller").method(method,
                HttpRequest.BodyPublishers.noBody()).build());
        if (method.equals("PUT") || method.equals("OPTIONS")) {
            assertProblem(users, 405, "method-not-allowed");
        } else {
            assertProblem(users, 403, "forbidden"); // PATCH and DELETE are served there, for admins
        }
    }

    @Test
    void aServedMethodStillNeedsItsRole() {
        assertProblem(as(users.caller()).get("/evaluations"), 403, "forbidden");
        assertThat(as(users.caller()).send(request("/evaluations").method("HEAD",
                HttpRequest.BodyPublishers.noBody()).build()).status()).as("HEAD is served where GET is")
                .isEqualTo(403);
        assertProblem(as(null).send(request("/evaluations").PUT(HttpRequest.BodyPublishers.noBody()).build()), 401,
                "unauthorized");
    }

    @Test
    void aGzipBodyIsDecidedAsThePlainOne() {
        Http caller = as(users.caller());
        Http.Response plain = caller.postJson("/evaluations", SITUATION);
        Http.Response gzip = caller.send(request("/evaluations").header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(gzip(SITUATION)))
                .build());
        assertThat(gzip.status()).as(gzip.body()).isEqualTo(200);
        assertThat(gzip.json().at("/firedRules")).isEqualTo(plain.json().at("/firedRules"));
        Http.Response batch = caller.send(request("/evaluations/batch").header("Content-Type", "application/json")
                .header("Content-Encoding", "GZIP").POST(HttpRequest.BodyPublishers.ofByteArray(gzip(
                        "{\"situations\":[" + SITUATION + "," + SITUATION + "]}"))).build());
        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
        assertThat(batch.json().at("/count").asInt()).isEqualTo(2);
        assertThat(batch.json().at("/failed").asInt()).isZero();
    }

    @Test
    void aGzipBodyOverTheLimitOnceUnpackedIs413() {
        byte[] bomb = gzip(" ".repeat(40 * 1024 * 1024) + SITUATION);
        assertThat(bomb.length).as("small when packed").isLessThan(1024 * 1024);
        Http.Response r = as(users.caller()).send(request("/evaluations").header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(bomb)).build());
        assertProblem(r, 413, "payload-too-large");
    }

    @Test
    void aBodyThatIsNotTheGzipItClaimsIs400() {
        Http.Response r = as(users.caller()).send(request("/evaluations").header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofString(SITUATION)).build());
        assertProblem(r, 400, "invalid-request");
        assertThat(r.json().at("/detail").asString()).contains("gzip");
    }

    @ParameterizedTest
    @ValueSource(strings = {"deflate", "br", "compress", "gzip, gzip"})
    void anyOtherContentEncodingIs415(String encoding) {
        Http.Response r = as(users.caller()).send(request("/evaluations").header("Content-Type", "application/json")
                .header("Content-Encoding", encoding).POST(HttpRequest.BodyPublishers.ofString(SITUATION)).build());
        assertProblem(r, 415, "unsupported-media-type");
        assertThat(r.json().at("/detail").asString()).contains("gzip");
    }

    @Test
    void anUnknownQueryParameterOnAPathThatDecidesIsRefusedWithADidYouMean() {
        Http caller = as(users.caller());
        Http.Response single = caller.postJson("/evaluations?ruleset=v1", SITUATION);
        assertProblem(single, 400, "invalid-request");
        assertThat(single.json().at("/errors/0/pointer").asString()).isEqualTo("?ruleset");
        assertThat(single.json().at("/errors/0/detail").asString()).contains("'ruleset'", "did you mean ruleSet");
        Http.Response batch = caller.postJson("/evaluations/batch?explian=false", "{\"situations\":[" + SITUATION
                + "]}");
        assertProblem(batch, 400, "invalid-request");
        assertThat(batch.json().at("/errors/0/detail").asString()).contains("did you mean explain");
        assertProblem(caller.postJson("/risk-map?rule_set=v1", BodyCorpus.RISK_MAP.valid()), 400,
                "invalid-request");
        assertThat(caller.postJson("/evaluations?explain=false&ruleSet=v1", SITUATION).status()).isEqualTo(200);
    }

    @Test
    void anUnknownFieldOrFileOfAReplayFormIsRefusedAndNothingStarts() {
        Http reviewer = as(users.reviewer());
        long before = reviewer.get("/replays?size=1").json().at("/total").asLong();
        Map<String, String> valid = Map.of("example", "covid-2020-zhejiang-hubei-guangdong.csv", "source",
                "canghailan");
        Http.Response field = reviewer.postForm("/replays", Map.of("example",
                "covid-2020-zhejiang-hubei-guangdong.csv", "source", "canghailan", "ruleset", "v1"), List.of());
        assertProblem(field, 400, "invalid-request");
        assertThat(field.json().at("/errors/0/detail").asString()).contains("'ruleset'", "did you mean ruleSet");
        Http.Response file = reviewer.postForm("/replays", valid, List.of(new Http.FilePart("actuals",
                "actual.csv", "region,date,level\n".getBytes(StandardCharsets.UTF_8))));
        assertProblem(file, 400, "invalid-request");
        assertThat(file.json().at("/errors/0/detail").asString()).contains("'actuals'", "did you mean actual");
        Http.Response query = reviewer.postForm("/replays?compare=v1", valid, List.of());
        assertProblem(query, 400, "invalid-request");
        assertThat(query.json().at("/errors/0/pointer").asString()).isEqualTo("?compare");
        assertThat(reviewer.get("/replays?size=1").json().at("/total").asLong()).isEqualTo(before);
    }

    /** Spring's date conversion read {@code +12027-01-01} as a date: a version in force from the year 12027. */
    @ParameterizedTest
    @ValueSource(strings = {"2027-01-01 ", " 2027-01-01", "+12027-01-01"})
    void aDateInAFormIsExactlyYearMonthDay(String date) throws IOException {
        Http editor = as(users.editor());
        String before = editor.get("/rule-sets").body();
        Http.Response r = editor.postFiles("/rule-sets", Map.of("effectiveFrom", date, "comment", "dated " + date),
                Map.of("national-grading.xlsx", java.nio.file.Files.readAllBytes(org.beacon.rules.Workbooks.root()
                        .resolve("tables/national-grading.xlsx"))));
        assertProblem(r, 400, "invalid-request");
        assertThat(r.json().at("/errors/0/pointer").asString()).contains("effectiveFrom");
        assertThat(editor.get("/rule-sets").body()).isEqualTo(before);
    }

    @Test
    void aUserNameThatDiffersOnlyInCaseFromAnotherIsRefused() {
        Http admin = as(users.admin());
        Http.Response r = admin.postJson("/users", "{\"username\":\"CALLER\",\"roles\":[\"admin\"]}");
        assertProblem(r, 409, "user-conflict");
        assertThat(r.json().at("/detail").asString()).contains("'caller'");
        assertThat(admin.get("/users/CALLER").status()).isEqualTo(404);
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
