package org.beacon.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.SingleInstancePostgresExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.beacon.service.Http;
import org.beacon.service.TestApps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two service instances on one PostgreSQL database: an activation or rollback made through one is in force on the
 * other within the refresh interval (2 s by default, 500 ms here), with no restart.
 */
class MultiInstanceActivationTest {

    @RegisterExtension
    static final SingleInstancePostgresExtension POSTGRES = EmbeddedPostgresExtension.singleInstance();

    private static final long BOUND_MS = 5_000;

    private static ConfigurableApplicationContext instance(Path tables) {
        return TestApps.start("--beacon.tables-dir=" + tables, "--beacon.rule-sets.refresh-interval=500ms",
                "--spring.datasource.url=" + POSTGRES.getEmbeddedPostgres().getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=");
    }

    private static Http http(ConfigurableApplicationContext context) {
        return TestApps.http(context);
    }

    private static String inForce(Http http) {
        return http.get("/actuator/health/ruleSet").json().at("/details/id").asString();
    }

    /** Milliseconds until {@code http} reports {@code id} in force, or fails after the bound. */
    private static long waitFor(Http http, String id) throws InterruptedException {
        long start = System.nanoTime();
        while (!id.equals(inForce(http))) {
            assertThat((System.nanoTime() - start) / 1_000_000).as("propagation to the other instance")
                    .isLessThan(BOUND_MS);
            Thread.sleep(50);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void anActivationOnOneInstanceIsInForceOnTheOtherWithinTheBound() throws Exception {
        Path tables = Path.of("target", "multi-" + System.nanoTime());
        Files.createDirectories(tables);
        Files.write(tables.resolve("grading.xlsx"), GradingWorkbooks.grading(30));
        try (ConfigurableApplicationContext a = instance(tables); ConfigurableApplicationContext b = instance(tables)) {
            assertThat(inForce(http(b))).isEqualTo("v1");
            Http.Response up = http(a).postFiles("/rule-sets", Map.of(), Map.of("grading.xlsx",
                    GradingWorkbooks.grading(25)));
            assertThat(up.status()).as(up.body()).isEqualTo(201);
            String v2 = up.json().at("/id").asString();

            assertThat(http(a).postJson("/rule-sets/" + v2 + "/activation", "").status()).isEqualTo(200);
            assertThat(inForce(http(a))).as("at once on the instance that activated").isEqualTo(v2);
            waitFor(http(b), v2);
            String body = "{\"eventType\":\"cholera\",\"region\":{\"code\":\"1\"},\"indicators\":{\"cases\":25}}";
            assertThat(http(b).postJson("/evaluations", body).json().at("/grade/numeral").asString()).isEqualTo("Ⅱ");

            assertThat(http(b).postJson("/rule-sets/" + v2 + "/rollback", "").status()).isEqualTo(200);
            waitFor(http(a), "v1");
            assertThat(http(a).postJson("/evaluations", body).json().at("/grade/numeral").asString()).isEqualTo("Ⅲ");
        }
    }
}
