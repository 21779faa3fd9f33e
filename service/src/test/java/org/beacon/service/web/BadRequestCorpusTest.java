package org.beacon.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.beacon.rules.Workbooks;
import org.beacon.service.Http;
import org.beacon.service.ServiceTest;
import org.beacon.service.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hundreds of malformed and hostile requests, to every endpoint (see {@link BodyCorpus} and {@link HttpCorpus}): each
 * must be refused with the expected 4xx as application/problem+json whose type, title, status and detail are set and
 * say nothing of the service's insides (class names, stack traces, SQL, Drools), and must leave the audit trail, the
 * versions, their events, the replays and the users as they were. Sent as the admin, so that validation and not
 * security is what refuses them, except for a group of anonymous calls.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadRequestCorpusTest {

    private static final Logger log = LoggerFactory.getLogger(BadRequestCorpusTest.class);

    /**
     * What a problem must not contain unless the request itself did (a value echoed back is the caller's own text):
     * qualified Java names, exception class names, stack frames, SQL and database names, Drools and MVEL.
     */
    private static final List<Pattern> INSIDES = List.of(
            Pattern.compile("\\b(java|javax|jakarta|org|com|tools|sun)\\.[a-z0-9_]+\\.[A-Za-z0-9_.$]+"),
            Pattern.compile("\\b[A-Z]\\w*(Exception|Error)\\b"), Pattern.compile("\\bat [\\w$.]+\\("),
            Pattern.compile("(?i)\\bsql\\w*"), Pattern.compile("(?i)jdbc"), Pattern.compile("(?i)\\bh2\\b"),
            Pattern.compile("(?i)postgres\\w*"), Pattern.compile("(?i)\\b(select|insert|update|delete)\\b[^'\"]{0,80}?\\b(from|into|set|"
                    + "where)\\b"), Pattern.compile("(?i)drools|\\bkie\\b|mvel|\\bDRL\\b"),
            Pattern.compile("(?i)tomcat|catalina|jackson"));

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    /** A user of this test's own, for /users/me and as the target of user changes that must not happen. */
    private Http.Credentials own;
    private State last;

    /** What a request could have written, as a client sees it. */
    private record State(long audited, String versions, String events, long replays, String users,
            long calibrations) {
    }

    private Http admin() {
        return new Http(port, users.admin());
    }

    @BeforeAll
    void createOwnUserAndADecision() {
        String name = "corpus-" + Long.toHexString(System.nanoTime());
        Http.Response r = admin().postJson("/users", "{\"username\":\"" + name + "\",\"roles\":[\"caller\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        own = new Http.Credentials(name, r.json().at("/password").asString());
        Http.Response decided = admin().postJson("/evaluations", BodyCorpus.SITUATION.valid());
        assertThat(decided.status()).as("an audit trail for the filters to search: " + decided.body()).isEqualTo(200);
    }

    private List<BadRequest> corpus() throws Exception {
        Cases cases = new Cases();
        BodyCorpus.addTo(cases, own.username(), own.password());
        HttpCorpus.addTo(cases, own.username(), Files.readAllBytes(Workbooks.root()
                .resolve("tables/national-grading.xlsx")));
        return cases.all();
    }

    @TestFactory
    Stream<DynamicNode> everyBadRequestIsRefusedWithAProblemAndWritesNothing() throws Exception {
        List<BadRequest> corpus = corpus();
        log.info("bad-request corpus: {} cases", corpus.size());
        Map<String, List<BadRequest>> groups = corpus.stream().collect(Collectors.groupingBy(BadRequest::group,
                LinkedHashMap::new, Collectors.toList()));
        return groups.entrySet().stream().map(g -> DynamicContainer.dynamicContainer(g.getKey() + " ("
                + g.getValue().size() + ")", g.getValue().stream().map(c -> DynamicTest.dynamicTest(c.toString(),
                        () -> refusesAndWritesNothing(c)))));
    }

    private void refusesAndWritesNothing(BadRequest c) {
        State before = last != null ? last : state();
        last = null; // until this case passes: a failed one may have written, so the next one looks again
        byte[] sent = c.body() == null ? null : c.body().get();
        Http.Response r = send(c, sent);
        String said = c + " answered " + (r.body().length() > 2000 ? r.body().substring(0, 2000) + "…" : r.body());
        assertThat(r.status()).as(said).isEqualTo(c.status());
        assertThat(r.contentType()).as(said).startsWith("application/problem+json");
        JsonNode problem = r.json();
        assertThat(problem.at("/type").asString()).as(said).matches("urn:beacon:problem:[a-z-]+");
        assertThat(problem.at("/title").asString()).as(said).isNotBlank();
        assertThat(problem.at("/status").asInt()).as(said).isEqualTo(c.status());
        assertThat(problem.at("/detail").asString()).as(said).isNotBlank();
        assertThat(r.body().length()).as("a problem is short, whatever was sent: %s", said).isLessThan(16_000);
        assertThat(insides(r.body(), c.path(), sent)).as(said).isEmpty();
        assertThat(r.headers().map().keySet()).as("no header comes from the request")
                .noneMatch(h -> h.equalsIgnoreCase("X-Injected") || h.equalsIgnoreCase("Set-Cookie"));
        State after = state();
        last = after;
        assertThat(after).as("nothing was written").isEqualTo(before);
    }

    /**
     * Hostile text in the audit trail's filters is only text to compare with: nothing matches it, nothing else is
     * returned, and the trail is still there. 200, not a 4xx: a region code is free text.
     */
    @TestFactory
    Stream<DynamicTest> hostileAuditFiltersFindNothingAndLeaveTheTrailIntact() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String filter : List.of("region", "eventType")) {
            for (String hostile : List.of("' OR 1=1--", "' OR '1'='1", "330106' --", "330106' OR 'x'='x",
                    "'; DROP TABLE evaluation; --", "1 UNION SELECT username FROM beacon_user--", "%", "_", "*",
                    "%' OR '%'='", "\\", "\"", "${jndi:ldap://127.0.0.1/a}", "\u202E", "x".repeat(5000))) {
                String shown = hostile.length() > 40 ? "x × 5000" : hostile;
                tests.add(DynamicTest.dynamicTest("GET /evaluations?" + filter + "=" + shown + " → 200, no rows",
                        () -> {
                            State before = state();
                            Http.Response r = admin().get("/evaluations?" + filter + "=" + Cases.encode(hostile));
                            assertThat(r.status()).as(r.body()).isEqualTo(200);
                            assertThat(r.json().at("/total").asLong()).isZero();
                            assertThat(r.json().at("/items")).isEmpty();
                            assertThat(state()).as("the trail is intact").isEqualTo(before);
                            assertThat(admin().get("/evaluations?region=330106&eventType=cholera").json()
                                    .at("/total").asLong()).as("the decision made at the start is still found")
                                    .isPositive();
                        }));
            }
        }
        return tests.stream();
    }

    /**
     * Each bad situation of the corpus that is a JSON document on its own, sent in a batch: the batch is answered
     * (200) with that situation's own 400 error, and nothing is stored.
     */
    @TestFactory
    Stream<DynamicTest> aBatchAnswersEachBadSituationWithItsOwnErrorAndStoresNothing() throws Exception {
        JsonMapper strict = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
        List<DynamicTest> tests = new ArrayList<>();
        for (BadRequest c : corpus()) {
            if (!c.method().equals("POST") || !c.path().equals("/evaluations") || c.status() != 400
                    || !c.group().startsWith("POST /evaluations:")) {
                continue;
            }
            String situation = new String(c.body().get(), StandardCharsets.UTF_8);
            try {
                strict.readTree(situation.getBytes(StandardCharsets.UTF_8)); // as the service reads it
            } catch (JacksonException | NumberFormatException e) {
                continue; // not a document: the whole batch is refused, as the corpus above already checks
            }
            tests.add(DynamicTest.dynamicTest("POST /evaluations/batch with " + c.name() + " → 200, its own 400",
                    () -> {
                        State before = state();
                        Http.Response r = admin().postJson("/evaluations/batch", "{\"situations\":[" + situation
                                + "]}");
                        assertThat(r.status()).as(c.name() + " answered " + r.body()).isEqualTo(200);
                        JsonNode item = r.json().at("/results/0");
                        assertThat(r.json().at("/failed").asInt()).as(r.body()).isEqualTo(1);
                        assertThat(item.at("/error/status").asInt()).as(r.body()).isEqualTo(400);
                        assertThat(item.has("evaluation") && !item.get("evaluation").isNull()).isFalse();
                        assertThat(item.at("/error/errors/0/pointer").asString()).startsWith("/situations/0");
                        assertThat(r.body().length()).isLessThan(16_000);
                        assertThat(insides(r.body(), "", situation.getBytes(StandardCharsets.UTF_8))).isEmpty();
                        assertThat(state()).as("nothing was written").isEqualTo(before);
                    }));
        }
        return tests.stream();
    }

    /** The parts of {@code body} that give away the service's insides and are not an echo of the request. */
    private static List<String> insides(String body, String path, byte[] requestBody) {
        String sent = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8)
                + (requestBody == null || requestBody.length > 1_000_000 ? ""
                        : new String(requestBody, StandardCharsets.UTF_8));
        List<String> found = new ArrayList<>();
        for (Pattern p : INSIDES) {
            Matcher m = p.matcher(body);
            while (m.find()) {
                if (!sent.contains(m.group())) {
                    found.add(m.group());
                }
            }
        }
        return found;
    }

    private Http.Response send(BadRequest c, byte[] bytes) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + c.path()));
        if (c.contentType() != null) {
            b.header("Content-Type", c.contentType());
        }
        if (c.accept() != null) {
            b.header("Accept", c.accept());
        }
        if (c.contentEncoding() != null) {
            b.header("Content-Encoding", c.contentEncoding());
        }
        HttpRequest.BodyPublisher body = bytes == null ? HttpRequest.BodyPublishers.noBody()
                : c.chunked() ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                : HttpRequest.BodyPublishers.ofByteArray(bytes);
        b.method(c.method(), body);
        Http http = switch (c.caller()) {
            case ADMIN -> admin();
            case OWN_USER -> new Http(port, own);
            case ANONYMOUS -> new Http(port);
        };
        return http.send(b.build());
    }

    private State state() {
        Http admin = admin();
        return new State(ok(admin.get("/evaluations?size=1")).at("/total").asLong(),
                ok(admin.get("/rule-sets")).toString(), ok(admin.get("/rule-sets/events")).toString(),
                ok(admin.get("/replays?size=1")).at("/total").asLong(), ok(admin.get("/users")).toString(),
                ok(admin.get("/calibrations?size=1")).at("/total").asLong());
    }

    private static JsonNode ok(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }
}
