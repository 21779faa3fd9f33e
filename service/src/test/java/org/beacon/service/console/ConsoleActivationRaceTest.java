package org.beacon.service.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.beacon.service.Http;
import org.beacon.service.TestApps;
import org.beacon.service.ruleset.GradingWorkbooks;
import org.beacon.service.security.ConsoleSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two admins activating different versions at the same moment, through the API and through the console's
 * confirmation page: one succeeds, the other gets a clear 409 and changes nothing. Each activation pauses inside its
 * transaction (fault injection, before its commit) so that the two really overlap: the second read the state before
 * the first committed, and finds it changed when it writes.
 */
class ConsoleActivationRaceTest {

    /** Long enough for the other request to read the state meanwhile; shorter than H2's lock wait (2 s). */
    private static final String PAUSE = "1500ms";

    @Test
    void twoAdminsActivatingDifferentVersionsAtOnceGetOneSuccessAndOneClearConflict() throws Exception {
        Path root = Path.of("target", "console-race-" + System.nanoTime());
        Files.createDirectories(root.resolve("tables"));
        Files.write(root.resolve("tables/grading.xlsx"), GradingWorkbooks.grading(30));
        try (ConfigurableApplicationContext app = TestApps.start("--beacon.tables-dir=./" + root.resolve("tables"),
                "--beacon.data-dir=./" + root.resolve("data"), "--beacon.fault-injection.activation-pause=" + PAUSE)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Http first = TestApps.http(app);
            Http.Response made = first.postJson("/users", "{\"username\":\"admin-b\",\"roles\":[\"admin\"]}");
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            Http.Credentials adminB = new Http.Credentials("admin-b", made.json().at("/password").asString());
            Http second = new Http(port, adminB);
            String v2 = upload(first, 25);
            String v3 = upload(first, 24);
            // both passwords checked once before (bcrypt takes a while), so that neither request lags the other
            assertThat(first.get("/users/me").status()).isEqualTo(200);
            assertThat(second.get("/users/me").status()).isEqualTo(200);

            List<Http.Response> api = together(() -> first.postJson("/rule-sets/" + v2 + "/activation", ""),
                    () -> second.postJson("/rule-sets/" + v3 + "/activation", ""));
            api.sort(Comparator.comparingInt(Http.Response::status));
            assertThat(api).extracting(Http.Response::status).containsExactly(200, 409);
            assertThat(api.get(1).body()).contains("another activation or rollback happened at the same time");

            ConsoleSession a = new ConsoleSession(port);
            ConsoleSession b = new ConsoleSession(port);
            a.signIn(TestApps.ADMIN.username(), TestApps.ADMIN.password());
            b.signIn(adminB.username(), adminB.password());
            List<HttpResponse<String>> pages = together(() -> a.post("/console/rule-sets/" + v3 + "/activation", true),
                    () -> b.post("/console/rule-sets/" + v2 + "/activation", true));
            pages.sort(Comparator.comparingInt(HttpResponse::statusCode));
            assertThat(pages).extracting(HttpResponse::statusCode).containsExactly(302, 409);
            String won = pages.get(0).request().uri().getPath().contains("/" + v3 + "/") ? v3 : v2;
            assertThat(pages.get(0).headers().firstValue("Location")).as("back on the page of the version activated")
                    .hasValueSatisfying(l -> assertThat(l).endsWith(RuleSetChangePage.afterChange(won)));
            assertThat(pages.get(1).body()).contains("Nothing was changed: another administrator activated or rolled "
                    + "back a version at the same time.");

            assertThat(first.get("/rule-sets/events").json().size()).as("the first start's and one of each pair")
                    .isEqualTo(3);
        }
    }

    private static String upload(Http http, int iiFrom) {
        Http.Response r = http.postFiles("/rule-sets", Map.of(), Map.of("grading.xlsx",
                GradingWorkbooks.grading(iiFrom)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().at("/id").asString();
    }

    /** Both at the same moment, each on its own thread; their answers in no particular order. */
    @SafeVarargs
    private static <T> List<T> together(Supplier<T>... requests) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(requests.length);
        try {
            List<CompletableFuture<T>> running = new ArrayList<>();
            for (Supplier<T> r : requests) {
                running.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return r.get();
                }, threads));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (CompletableFuture<T> f : running) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            threads.shutdown();
        }
    }
}
