package org.beacon.service.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.beacon.rules.Workbooks;
import org.beacon.service.Http;
import org.beacon.service.TestApps;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The default database is a file: decisions audited before a restart are still there after it. */
class AuditSurvivesRestartTest {

    // Relative and starting with ./, the form of the default (./data): H2 refuses implicitly relative paths.
    private final String dataDir = "./target/restart-test-" + System.nanoTime();
    private final Path data = Path.of(dataDir);

    private ConfigurableApplicationContext start() {
        return TestApps.start("--beacon.data-dir=" + dataDir, "--beacon.tables-dir=" + Workbooks.root().resolve("tables"));
    }

    private static Http http(ConfigurableApplicationContext context) {
        return TestApps.http(context);
    }

    @Test
    void keepsTheAuditTrailAcrossARestart() throws Exception {
        String request = Files.readString(Workbooks.root().resolve("examples/requests/sars-suspected-case.json"));
        String id;
        String decision;
        try (ConfigurableApplicationContext first = start()) {
            Http.Response r = http(first).postJson("/evaluations", request);
            assertThat(r.status()).isEqualTo(200);
            id = r.json().at("/evaluationId").asString();
            decision = http(first).get("/evaluations/" + id).body();
        }
        assertThat(Files.list(data).toList()).as("the database is a file in beacon.data-dir").isNotEmpty();
        try (ConfigurableApplicationContext second = start()) {
            Http.Response r = http(second).get("/evaluations/" + id);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isEqualTo(decision);
            assertThat(http(second).get("/evaluations?eventType=sars").json().at("/total").asInt()).isEqualTo(1);
        }
    }
}
