package org.beacon.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.beacon.rules.model.WorkbookSource;
import org.beacon.service.faults.FaultInjection;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which version decides, and whether this user may pin it, comes from the registry's timeline in memory: the
 * database is not asked on the evaluation path. Counted on the registry's own data source: every statement takes a
 * connection from it, so no connection means no query.
 */
class PinnedVersionInMemoryTest {

    /** A data source that counts the connections taken from it. */
    static final class CountingDataSource extends DelegatingDataSource {

        final AtomicInteger connections = new AtomicInteger();

        CountingDataSource(String url) {
            super(new DriverManagerDataSource(url));
        }

        @Override
        public Connection getConnection() throws SQLException {
            connections.incrementAndGet();
            return super.getConnection();
        }
    }

    @Test
    void resolvesPinnedAndDatedVersionsAndRefusesAKnownDraftWithoutADatabaseQuery() throws Exception {
        CountingDataSource db = new CountingDataSource("jdbc:h2:mem:pinned-" + System.nanoTime()
                + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/migration")
                .javaMigrations(new V6__RuleSetIdentity()).load().migrate();
        RuleSetStore store = new RuleSetStore(new JdbcTemplate(db),
                new TransactionTemplate(new DataSourceTransactionManager(db)));
        GradingFolder folder = GradingFolder.create("pinned-in-memory");
        RuleSetProperties properties = new RuleSetProperties("./" + folder.root().resolve("tables"),
                new RuleSetProperties.RuleSets(1, Duration.ofSeconds(5), 10_000, 200_000, null),
                "./" + folder.root().resolve("data"));
        CompileAdmission compiles = new CompileAdmission(properties, FaultInjection.none());
        // the first start: the folder becomes v1, activated
        RuleSetRegistry first = new RuleSetRegistry(store, properties, compiles, StartUpCompilation.none());
        List<WorkbookSource> workbooks = List.of(new WorkbookSource("grading.xlsx",
                Files.readAllBytes(folder.root().resolve("tables/grading.xlsx"))));
        String draft = store.insert("another-hash", "editor", "a draft", null, 0, 0, workbooks, id -> { }).id();
        RuleSetRegistry registry = new RuleSetRegistry(store, properties, compiles, StartUpCompilation.none());

        // each start lists the stored versions on a thread of its own to remove kept rules no version uses
        first.awaitKeptCleanup();
        registry.awaitKeptCleanup();
        db.connections.set(0);
        registry.checkPinnable("v1", false);
        assertThat(registry.resolve("v1", null).id()).isEqualTo("v1");
        assertThat(registry.resolve(null, LocalDate.of(2020, 1, 1)).id()).isEqualTo("v1");
        assertThat(registry.resolve(null, null).id()).isEqualTo("v1");
        assertThatThrownBy(() -> registry.checkPinnable(draft, false)).isInstanceOf(DraftNotAllowedException.class);
        registry.checkPinnable(draft, true);
        assertThat(db.connections).as("connections taken while resolving and checking").hasValue(0);

        assertThatThrownBy(() -> registry.checkPinnable("v99", false))
                .isInstanceOf(RuleSetNotFoundException.class);
    }
}
