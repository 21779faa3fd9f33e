package org.beacon.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.SingleInstancePostgresExtension;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import javax.sql.DataSource;
import org.beacon.service.Http;
import org.beacon.service.TestApps;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A version is its workbooks' content plus its effective date (issue 18, M6), on both databases: the migration
 * keeps the versions already stored with their ids and lets the same content be stored again with another date,
 * and the service returns the existing version only for the same content with the same date.
 */
class RuleSetIdentityPostgresTest {

    @RegisterExtension
    static final SingleInstancePostgresExtension POSTGRES = EmbeddedPostgresExtension.singleInstance();

    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);

    @Test
    void theMigrationKeepsStoredVersionsAndAllowsTheSameContentWithAnotherDateOnH2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:identity-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        migrateWithVersionsStoredBefore(h2);
    }

    @Test
    void theMigrationKeepsStoredVersionsAndAllowsTheSameContentWithAnotherDateOnPostgres() {
        migrateWithVersionsStoredBefore(POSTGRES.getEmbeddedPostgres().getPostgresDatabase());
    }

    private static void migrateWithVersionsStoredBefore(DataSource db) {
        flyway(db).target("5").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        store(jdbc, "v1", A, null, null);
        store(jdbc, "v2", B, LocalDate.of(2027, 1, 1), null);
        assertThatThrownBy(() -> store(jdbc, "v3", A, LocalDate.of(2027, 1, 1), null))
                .as("before: one version per content").isInstanceOf(DuplicateKeyException.class);

        flyway(db).load().migrate();
        assertThat(jdbc.queryForObject("select identity_key from rule_set where id = 'v1'", String.class))
                .isEqualTo(A + "@any");
        assertThat(jdbc.queryForObject("select identity_key from rule_set where id = 'v2'", String.class))
                .isEqualTo(B + "@2027-01-01");
        store(jdbc, "v3", A, LocalDate.of(2027, 1, 1), A + "@2027-01-01");
        assertThat(jdbc.queryForObject("select count(*) from rule_set where content_hash = ?", Integer.class, A))
                .isEqualTo(2);
        assertThatThrownBy(() -> store(jdbc, "v4", A, null, A + "@any"))
                .as("the same content and date twice").isInstanceOf(DuplicateKeyException.class);
    }

    /** A version row as the service writes it; {@code identityKey} null for the schema before V6. */
    private static void store(JdbcTemplate jdbc, String id, String hash, LocalDate from, String identityKey) {
        String columns = "id, sequence, content_hash, author, created_at, effective_from, rolled_back, warnings, "
                + "tests_passed";
        Object[] values = {id, Integer.parseInt(id.substring(1)), hash, "test", OffsetDateTime.now(ZoneOffset.UTC),
            from, false, 0, 0};
        if (identityKey != null) {
            columns += ", identity_key";
            values = java.util.stream.Stream.concat(java.util.Arrays.stream(values), java.util.stream.Stream.of(
                    identityKey)).toArray();
        }
        jdbc.update("insert into rule_set (" + columns + ") values (" + "?, ".repeat(values.length - 1) + "?)",
                values);
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource db) {
        return Flyway.configure().dataSource(db).locations("classpath:db/migration")
                .javaMigrations(new V6__RuleSetIdentity());
    }

    @Test
    void theServiceOnPostgresMakesANewVersionForANewDateAndReturnsTheExistingOneForTheSameDate() throws Exception {
        GradingFolder folder = GradingFolder.create("identity-postgres");
        // a database of its own: the migration tests write to the default one
        new JdbcTemplate(POSTGRES.getEmbeddedPostgres().getPostgresDatabase()).execute("create database service");
        try (ConfigurableApplicationContext app = TestApps.start(folder.arguments("--spring.datasource.url="
                + POSTGRES.getEmbeddedPostgres().getJdbcUrl("postgres", "service"),
                "--spring.datasource.username=postgres", "--spring.datasource.password="))) {
            Http http = TestApps.http(app);
            byte[] v2 = GradingWorkbooks.grading(25);
            Http.Response dated = http.postFiles("/rule-sets", Map.of("effectiveFrom", "2027-01-01"),
                    Map.of("grading.xlsx", v2));
            assertThat(dated.status()).as(dated.body()).isEqualTo(201);
            Http.Response again = http.postFiles("/rule-sets", Map.of("effectiveFrom", "2027-01-01", "comment",
                    "again"), Map.of("grading.xlsx", v2));
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(again.json().at("/id").asString()).isEqualTo(dated.json().at("/id").asString());
            Http.Response undated = http.postFiles("/rule-sets", Map.of(), Map.of("grading.xlsx", v2));
            assertThat(undated.status()).as(undated.body()).isEqualTo(201);
            assertThat(undated.json().has("effectiveFrom")).isFalse();
            assertThat(undated.json().at("/contentHash").asString()).isEqualTo(dated.json().at("/contentHash")
                    .asString());
        }
    }
}
