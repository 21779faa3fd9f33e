package org.beacon.service.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.SingleInstancePostgresExtension;
import org.beacon.rules.Workbooks;
import org.beacon.service.Http;
import org.beacon.service.TestApps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** Replays stored in PostgreSQL: the same migration creates the table, a run is stored, found and listed. */
class ReplayPostgresTest {

    @RegisterExtension
    static final SingleInstancePostgresExtension POSTGRES = EmbeddedPostgresExtension.singleInstance();

    @Test
    void storesAndListsAReplayInPostgres() {
        try (ConfigurableApplicationContext context = TestApps.start("--beacon.tables-dir=" + Workbooks.root().resolve("tables"),
                "--beacon.data-dir=./target/replay-postgres-test-" + System.nanoTime(),
                "--spring.datasource.url=" + POSTGRES.getEmbeddedPostgres().getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=")) {
            Http http = TestApps.http(context);
            JsonNode run = Replays.run(http, Replays.covid());
            assertThat(run.at("/status").asString()).as(run.toString()).isEqualTo("done");
            assertThat(run.at("/summary/actual/transitions")).isNotEmpty();
            JsonNode list = http.get("/replays").json();
            assertThat(list.at("/total").asInt()).isEqualTo(1);
            assertThat(list.at("/items/0/id").asString()).isEqualTo(run.at("/id").asString());
            assertThat(http.download("/replays/" + run.at("/id").asString() + "/steps.csv").status()).isEqualTo(200);
        }
    }
}
