package org.beacon.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.beacon.rules.WorkbookBuilder;
import org.beacon.rules.Workbooks;
import org.beacon.service.Http;
import org.beacon.service.ServiceTest;
import org.beacon.service.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint, called anonymously and by each role: refused with 401 (anonymous) or 403 (a role below the one it
 * needs) as problem+json without changing anything, and answered normally for the roles that may use it. A second
 * test makes sure no endpoint is missing from this table.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    private static final String SITUATION = read("examples/requests/cholera-county-12.json");

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private String evaluationId;
    private String replayId;
    private String impactId;
    private String calibrationId;
    private String draftId;
    private final AtomicInteger throwaway = new AtomicInteger();

    /** Who calls: null is anonymous. The order is the hierarchy, lowest first. */
    private enum Caller { ANONYMOUS, CALLER, REVIEWER, EDITOR, ADMIN }

    /**
     * One endpoint: its method and path pattern, the least caller that may use it, and a call that a caller who may
     * use it should see answered with one of {@code allowed}.
     */
    private record Endpoint(String method, String pattern, Caller least, Function<Caller, Http.Response> call,
            Set<Integer> allowed) {
        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    private Http as(Caller caller) {
        return new Http(port, switch (caller) {
            case ANONYMOUS -> null;
            case CALLER -> users.caller();
            case REVIEWER -> users.reviewer();
            case EDITOR -> users.editor();
            case ADMIN -> users.admin();
        });
    }

    @BeforeAll
    void someThingsToRead() {
        Http admin = as(Caller.ADMIN);
        Http.Response draft = admin.postFiles("/rule-sets", Map.of("replace", "all", "comment", "a draft to read"),
                Map.of("cholera.xlsx", WorkbookBuilder.cholera().bytes()));
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        draftId = draft.json().at("/id").asString();
        evaluationId = admin.postJson("/evaluations", SITUATION).json().at("/evaluationId").asString();
        Http.Response replay = admin.postForm("/replays", Map.of("example", "covid-2020-zhejiang-hubei-guangdong.csv",
                "source", "canghailan"), List.of());
        assertThat(replay.status()).as(replay.body()).isEqualTo(202);
        replayId = replay.json().at("/id").asString();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!admin.get("/replays/" + replayId).json().at("/status").asString().equals("done")) {
            assertThat(Instant.now()).as("replay still running").isBefore(deadline);
            sleep(100);
        }
        Http.Response impact = admin.postJson("/rule-sets/v1/impact", "");
        assertThat(impact.status()).as(impact.body()).isEqualTo(202);
        impactId = impact.json().at("/id").asString();
        while (!admin.get("/rule-sets/v1/impact/" + impactId).json().at("/status").asString().equals("done")) {
            assertThat(Instant.now()).as("impact run still running").isBefore(deadline);
            sleep(100);
        }
        Http.Response calibration = admin.postForm("/calibrations", List.of(new Http.Field("example",
                "covid-2020-zhejiang-hubei-guangdong.csv"), new Http.Field("source", "canghailan"),
                new Http.Field("actualExample", "covid-2020-response-levels.csv"),
                new Http.Field("vary", "stepDown_minDays=14..21:7")), List.of());
        assertThat(calibration.status()).as(calibration.body()).isEqualTo(202);
        calibrationId = calibration.json().at("/id").asString();
        while (!admin.get("/calibrations/" + calibrationId).json().at("/status").asString().equals("done")) {
            assertThat(Instant.now()).as("calibration still running").isBefore(deadline);
            sleep(100);
        }
    }

    /**
     * The user an admin call changes or removes: a fresh one when it will be served, so each call has its own, and
     * an existing one when it will be refused (before anything is created that would change the state compared).
     */
    private String target(Caller c) {
        return c == Caller.ADMIN ? freshUser(as(Caller.ADMIN)) : "reviewer";
    }

    private String freshUser(Http admin) {
        String name = "throwaway-" + throwaway.incrementAndGet();
        Http.Response r = admin.postJson("/users", "{\"username\":\"" + name + "\",\"roles\":[\"caller\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return name;
    }

    private List<Endpoint> endpoints() {
        Set<Integer> ok = Set.of(200);
        byte[] grading = bytes("tables/national-grading.xlsx");
        return List.of(
                new Endpoint("POST", "/evaluations", Caller.CALLER, c -> as(c).postJson("/evaluations", SITUATION), ok),
                new Endpoint("POST", "/evaluations/batch", Caller.CALLER,
                        c -> as(c).postJson("/evaluations/batch", "{\"situations\":[" + SITUATION + "]}"), ok),
                new Endpoint("POST", "/risk-map", Caller.CALLER,
                        c -> as(c).postJson("/risk-map", read("examples/risk-map/five-counties.json")), ok),
                new Endpoint("GET", "/indicators", Caller.CALLER, c -> as(c).get("/indicators"), ok),
                new Endpoint("GET", "/indicators/schema", Caller.CALLER, c -> as(c).get("/indicators/schema"), ok),
                // a draft's Dictionary: editors and up, as deciding with it
                new Endpoint("GET", "/indicators?ruleSet={draft}", Caller.EDITOR,
                        c -> as(c).get("/indicators?ruleSet=" + draftId), ok),
                new Endpoint("GET", "/indicators/schema?ruleSet={draft}", Caller.EDITOR,
                        c -> as(c).get("/indicators/schema?ruleSet=" + draftId), ok),
                new Endpoint("GET", "/users/me", Caller.CALLER, c -> as(c).get("/users/me"), ok),
                // a password that is too short: passing security is what is tested, without changing anyone's
                new Endpoint("POST", "/users/me/password", Caller.CALLER,
                        c -> as(c).postJson("/users/me/password", "{\"password\":\"short\"}"), Set.of(400)),
                new Endpoint("GET", "/evaluations", Caller.REVIEWER, c -> as(c).get("/evaluations"), ok),
                new Endpoint("GET", "/evaluations/{id}", Caller.REVIEWER,
                        c -> as(c).get("/evaluations/" + evaluationId), ok),
                new Endpoint("GET", "/rule-sets", Caller.REVIEWER, c -> as(c).get("/rule-sets"), ok),
                new Endpoint("GET", "/rule-sets/events", Caller.REVIEWER, c -> as(c).get("/rule-sets/events"), ok),
                new Endpoint("GET", "/rule-sets/{id}", Caller.REVIEWER, c -> as(c).get("/rule-sets/v1"), ok),
                new Endpoint("GET", "/rule-sets/{id}/workbooks/{name}", Caller.REVIEWER,
                        c -> as(c).get("/rule-sets/v1/workbooks/national-grading.xlsx"), ok),
                new Endpoint("GET", "/rule-sets/{from}/diff/{to}", Caller.REVIEWER,
                        c -> as(c).get("/rule-sets/v1/diff/v1"), ok),
                new Endpoint("POST", "/replays", Caller.REVIEWER, c -> as(c).postForm("/replays", Map.of("example",
                        "covid-2020-zhejiang-hubei-guangdong.csv", "source", "canghailan"), List.of()), Set.of(202)),
                new Endpoint("GET", "/replays", Caller.REVIEWER, c -> as(c).get("/replays"), ok),
                new Endpoint("GET", "/replays/{id}", Caller.REVIEWER, c -> as(c).get("/replays/" + replayId), ok),
                new Endpoint("GET", "/replays/{id}/steps.csv", Caller.REVIEWER,
                        c -> as(c).get("/replays/" + replayId + "/steps.csv"), ok),
                new Endpoint("GET", "/replays/{id}/report.xlsx", Caller.REVIEWER,
                        c -> as(c).get("/replays/" + replayId + "/report.xlsx"), ok),
                // an impact run decides with a version that may never have been in force: editors and up; a place
                // may be taken by the other caller's run (503), which security has let through as well
                new Endpoint("POST", "/rule-sets/{version}/impact", Caller.EDITOR,
                        c -> as(c).postJson("/rule-sets/v1/impact", ""), Set.of(202, 503)),
                new Endpoint("GET", "/rule-sets/{version}/impact", Caller.EDITOR,
                        c -> as(c).get("/rule-sets/v1/impact"), ok),
                new Endpoint("GET", "/rule-sets/{version}/impact/{id}", Caller.EDITOR,
                        c -> as(c).get("/rule-sets/v1/impact/" + impactId), ok),
                new Endpoint("GET", "/rule-sets/{version}/impact/{id}/report.xlsx", Caller.EDITOR,
                        c -> as(c).get("/rule-sets/v1/impact/" + impactId + "/report.xlsx"), ok),
                // a calibration of the version in force: reviewers and up, as replays; a place may be taken (503)
                new Endpoint("POST", "/calibrations", Caller.REVIEWER, c -> as(c).postForm("/calibrations",
                        List.of(new Http.Field("example", "covid-2020-zhejiang-hubei-guangdong.csv"),
                                new Http.Field("source", "canghailan"),
                                new Http.Field("actualExample", "covid-2020-response-levels.csv"),
                                new Http.Field("vary", "stepDown_minDays=14..21:7")), List.of()), Set.of(202, 503)),
                new Endpoint("GET", "/calibrations", Caller.REVIEWER, c -> as(c).get("/calibrations"), ok),
                new Endpoint("GET", "/calibrations/{id}", Caller.REVIEWER,
                        c -> as(c).get("/calibrations/" + calibrationId), ok),
                new Endpoint("GET", "/calibrations/{id}/calibration.csv", Caller.REVIEWER,
                        c -> as(c).get("/calibrations/" + calibrationId + "/calibration.csv"), ok),
                new Endpoint("GET", "/calibrations/{id}/calibration.xlsx", Caller.REVIEWER,
                        c -> as(c).get("/calibrations/" + calibrationId + "/calibration.xlsx"), ok),
                // the bundled workbook alone is new content the first time (201) and the same version after (200)
                new Endpoint("POST", "/rule-sets", Caller.EDITOR, c -> as(c).postFiles("/rule-sets", Map.of(),
                        Map.of("national-grading.xlsx", grading)), Set.of(200, 201)),
                // a check stores nothing, whatever it finds
                new Endpoint("POST", "/rule-sets/check", Caller.EDITOR, c -> as(c).postFiles("/rule-sets/check",
                        Map.of(), Map.of("national-grading.xlsx", grading)), ok),
                // v1 is already in force and the only version ever activated: refused by the rule-set state (409),
                // which is only reached once security has let the call through
                new Endpoint("POST", "/rule-sets/{id}/activation", Caller.ADMIN,
                        c -> as(c).postJson("/rule-sets/v1/activation", ""), Set.of(200, 409)),
                new Endpoint("POST", "/rule-sets/{id}/rollback", Caller.ADMIN,
                        c -> as(c).postJson("/rule-sets/v1/rollback", ""), Set.of(409)),
                new Endpoint("GET", "/users", Caller.ADMIN, c -> as(c).get("/users"), ok),
                new Endpoint("POST", "/users", Caller.ADMIN, c -> as(c).postJson("/users", "{\"username\":\"made-"
                        + throwaway.incrementAndGet() + "\",\"roles\":[\"reviewer\"]}"), Set.of(201)),
                new Endpoint("GET", "/users/{username}", Caller.ADMIN, c -> as(c).get("/users/caller"), ok),
                new Endpoint("PATCH", "/users/{username}", Caller.ADMIN,
                        c -> as(c).patchJson("/users/" + target(c), "{\"roles\":[\"editor\"]}"), ok),
                new Endpoint("POST", "/users/{username}/password", Caller.ADMIN,
                        c -> as(c).postJson("/users/" + target(c) + "/password", ""), ok),
                new Endpoint("DELETE", "/users/{username}", Caller.ADMIN, c -> as(c).delete("/users/" + target(c)),
                        Set.of(204)),
                // the test's service keeps every decision: a run is refused (409) once security has let it through
                new Endpoint("GET", "/admin/audit/retention", Caller.ADMIN, c -> as(c).get("/admin/audit/retention"),
                        ok),
                new Endpoint("POST", "/admin/audit/retention", Caller.ADMIN,
                        c -> as(c).postJson("/admin/audit/retention", ""), Set.of(409)),
                new Endpoint("GET", "/actuator/prometheus", Caller.ADMIN, c -> as(c).get("/actuator/prometheus"), ok));
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointRefusesTheRolesBelowItsOwnAndServesTheOthers() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            for (Caller c : Caller.values()) {
                boolean allowed = c.compareTo(e.least()) >= 0;
                tests.add(DynamicTest.dynamicTest(e + " as " + c.name().toLowerCase() + (allowed ? " is served"
                        : " is refused"), () -> {
                    if (allowed) {
                        Http.Response r = e.call().apply(c);
                        assertThat(r.status()).as(r.body()).isIn(e.allowed());
                    } else {
                        String before = state();
                        Http.Response r = e.call().apply(c);
                        int expected = c == Caller.ANONYMOUS ? 401 : 403;
                        assertThat(r.status()).as(r.body()).isEqualTo(expected);
                        assertThat(r.contentType()).isEqualTo("application/problem+json");
                        assertThat(r.json().at("/type").asString()).isEqualTo(expected == 401
                                ? "urn:beacon:problem:unauthorized" : "urn:beacon:problem:forbidden");
                        if (expected == 401) {
                            assertThat(r.header("WWW-Authenticate")).startsWith("Basic realm=\"beacon\"");
                        }
                        assertThat(state()).as("nothing changed").isEqualTo(before);
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void everyEndpointOfTheServiceIsInTheTable() {
        Set<String> inTable = new TreeSet<>();
        endpoints().forEach(e -> inTable.add(e.toString()));
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            String owner = handler.getBeanType().getName();
            if (!owner.startsWith("org.beacon.") || ErrorController.class.isAssignableFrom(handler.getBeanType())) {
                return; // the error page (404 asked directly) and springdoc's documentation, which need no role
            }
            if (owner.startsWith("org.beacon.service.console.")) {
                return; // the console's pages: signed in with a session, not Basic; see console/ConsolePagesTest
            }
            var methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    served.add("ANY " + pattern); // a mapping for every method: never in the table, so it fails
                }
                methods.forEach(method -> served.add(method.name() + " " + pattern));
            }
        });
        assertThat(served).isNotEmpty();
        assertThat(inTable).containsAll(served);
    }

    /** A method a path serves but the table does not list needs admin; one it does not serve is 405 for anyone. */
    @Test
    void methodsOutsideTheTableNeedAdminAndMethodsNotServedAre405() {
        var head = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                + "/evaluations")).method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build();
        assertThat(as(Caller.REVIEWER).send(head).status()).as("HEAD is not GET for the table").isEqualTo(403);
        var options = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                + "/evaluations")).method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()).build();
        assertThat(as(Caller.CALLER).send(options).status()).isEqualTo(405);
        assertThat(as(Caller.ANONYMOUS).send(options).status()).as("nothing without credentials").isEqualTo(401);
    }

    @Test
    void documentationHealthAndInfoNeedNoCredentials() {
        Http anonymous = as(Caller.ANONYMOUS);
        for (String path : List.of("/actuator/health", "/actuator/info", "/v3/api-docs", "/swagger-ui/index.html")) {
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(200);
        }
        assertThat(anonymous.get("/actuator/health").body()).as("no details without credentials")
                .doesNotContain("ruleSet");
        assertThat(as(Caller.EDITOR).get("/actuator/health").body()).as("details are for admins")
                .doesNotContain("ruleSet");
        assertThat(as(Caller.ADMIN).get("/actuator/health").body()).contains("ruleSet");
        assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/env").status()).as("not exposed at all").isIn(401, 404);
        assertThat(as(Caller.ADMIN).get("/actuator/env").status()).isEqualTo(404);
    }

    @Test
    void wrongOrUnknownCredentialsGet401WithoutSayingWhichWasWrong() {
        Http.Response wrong = new Http(port, new Http.Credentials("caller", "not-the-password"))
                .postJson("/evaluations", SITUATION);
        Http.Response unknown = new Http(port, new Http.Credentials("nobody", "not-the-password"))
                .postJson("/evaluations", SITUATION);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.json().at("/detail").asString()).isEqualTo(unknown.json().at("/detail").asString());
    }

    /** What an admin sees of everything a request could change. */
    private String state() {
        Http admin = as(Caller.ADMIN);
        return admin.get("/evaluations?size=1").json().at("/total").asString() + "|"
                + admin.get("/rule-sets").body() + "|" + admin.get("/rule-sets/events").body() + "|"
                + admin.get("/replays?size=1").json().at("/total").asString() + "|"
                + admin.get("/calibrations?size=1").json().at("/total").asString() + "|"
                + admin.get("/users").json().size();
    }

    private static String read(String path) {
        return new String(bytes(path), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String path) {
        try {
            return Files.readAllBytes(Workbooks.root().resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
