package org.beacon.service.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.SingleInstancePostgresExtension;
import java.nio.file.Files;
import java.time.Instant;
import org.beacon.rules.Workbooks;
import org.beacon.service.Http;
import org.beacon.service.TestApps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A production deployment: PostgreSQL instead of H2, schema from the same Flyway migrations, and two service
 * instances (as behind a load balancer) sharing one audit trail. A real PostgreSQL server is started for the test.
 */
class PostgresAuditTest {

    @RegisterExtension
    static final SingleInstancePostgresExtension POSTGRES = EmbeddedPostgresExtension.singleInstance();

    private static ConfigurableApplicationContext instance() {
        return TestApps.start("--beacon.tables-dir=" + Workbooks.root().resolve("tables"),
                "--spring.datasource.url=" + POSTGRES.getEmbeddedPostgres().getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=");
    }

    private static Http http(ConfigurableApplicationContext context) {
        return TestApps.http(context);
    }

    @Test
    void twoInstancesShareOneAuditTrailInPostgres() throws Exception {
        String request = Files.readString(Workbooks.root().resolve("examples/requests/food-poisoning-100-no-deaths.json"));
        try (ConfigurableApplicationContext a = instance(); ConfigurableApplicationContext b = instance()) {
            Http.Response decided = http(a).postJson("/evaluations", request);
            assertThat(decided.status()).isEqualTo(200);
            String id = decided.json().at("/evaluationId").asString();

            Http.Response seenByB = http(b).get("/evaluations/" + id);
            assertThat(seenByB.status()).isEqualTo(200);
            assertThat(seenByB.json().at("/grade/numeral").asString()).isEqualTo("Ⅲ");

            Http.Response batch = http(b).postJson("/evaluations/batch", "{\"situations\":[" + request + ","
                    + request + "]}");
            assertThat(batch.json().at("/failed").asInt()).isZero();
            assertThat(http(a).get("/evaluations?eventType=foodPoisoning").json().at("/total").asInt()).isEqualTo(3);
            assertThat(http(a).get("/evaluations?region=330102&from=2000-01-01").json().at("/items/0/grade")
                    .asString()).isEqualTo("III");
        }
    }

    @Test
    void theLatestRiskMapReadsEachRegionsNewestColourFromItsColumnsInPostgres() throws Exception {
        String map = Files.readString(Workbooks.root().resolve("examples/risk-map/five-counties.json"));
        try (ConfigurableApplicationContext a = instance()) {
            Http.Response decided = http(a).postJson("/risk-map", map);
            assertThat(decided.status()).isEqualTo(200);
            Instant now = Instant.now();
            LatestRiskMap.Drawn drawn = a.getBean(LatestRiskMap.class).draw("covid19", now.minusSeconds(3_600),
                    now.plusSeconds(1), 500);
            assertThat(drawn.regions()).extracting(RiskMapResponse.RegionRisk::evaluationId)
                    .contains(java.util.UUID.fromString(decided.json().at("/regions/0/evaluationId").asString()));
            RiskMapResponse.RegionRisk first = drawn.regions().stream().filter(r -> r.evaluationId().toString()
                    .equals(decided.json().at("/regions/0/evaluationId").asString())).findFirst().orElseThrow();
            assertThat(first.colour()).isEqualTo(decided.json().at("/regions/0/colour").asString());
            java.util.List<String> rules = new java.util.ArrayList<>();
            decided.json().at("/regions/0/rules").forEach(r -> rules.add(r.asString()));
            assertThat(first.rules()).isNotEmpty().isEqualTo(rules);
        }
    }
}
