package org.beacon.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.beacon.rules.Compilation;
import org.beacon.rules.model.Region;
import org.beacon.rules.model.Situation;
import org.beacon.service.faults.FaultInjection;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 25, item 4: the start-up tables are compiled on a thread of their own while the service starts; the registry
 * takes that compile for the version whose workbooks are the same, and a workbook with an error still stops the
 * start, with nothing stored. Once the version is ready, the kept rules no stored version can use are removed.
 */
class StartUpCompilationTest {

    @Test
    void aRestartPutsTheEarlyCompileInForceUnderTheStoredVersionsId() throws Exception {
        FirstStart started = FirstStart.in("start-up-compilation");
        RuleSetRegistry first = started.registry();

        RuleSetRegistry restarted = started.restart(StartUpCompilation.begun(started.properties()));

        assertThat(restarted.current().id()).isEqualTo("v1");
        assertThat(restarted.current().contentHash()).isEqualTo(first.current().contentHash());
        for (int cases : new int[] {29, 30}) {
            assertThat(restarted.current().evaluate(cholera(cases)).grade()).as("%d cases", cases)
                    .isEqualTo(first.current().evaluate(cholera(cases)).grade());
        }
        assertThat(restarted.current().evaluate(cholera(30)).grade())
                .isNotEqualTo(restarted.current().evaluate(cholera(29)).grade());
    }

    @Test
    void aStartRemovesTheKeptRulesOfWorkbooksNoStoredVersionHasAndKeepsItsOwn() throws Exception {
        FirstStart started = FirstStart.in("start-up-compilation-cleanup");
        Path compiled = started.folder().root().resolve("data/compiled");
        Path inUse = compiled.resolve(started.registry().current().contentHash() + ".rules");
        Path noVersion = Files.copy(inUse, compiled.resolve("0".repeat(64) + ".rules"));

        RuleSetRegistry restarted = started.restart(StartUpCompilation.begun(started.properties()));

        assertThat(restarted.awaitKeptCleanup()).extracting(Path::getFileName).contains(noVersion.getFileName());
        assertThat(noVersion).doesNotExist();
        assertThat(inUse).exists();
        assertThat(restarted.current().id()).isEqualTo("v1");
    }

    @Test
    void aRestartLoadsTheKeptRulesWithoutRunningTheChecksTheyProve() throws Exception {
        FirstStart started = FirstStart.in("start-up-compilation-kept");
        RuleSetRegistry first = started.registry();
        StartUpCompilation early = StartUpCompilation.begun(started.properties());

        Compilation restart = early.of(StartUpTables.choose(started.properties().tablesDir(), Path.of(""))
                .sources()).orElseThrow();

        assertThat(restart.checksSkipped()).isTrue();
        assertThat(restart.tests()).isEmpty();
        RuleSetRegistry restarted = started.restart(early);
        for (int cases : new int[] {29, 30}) {
            assertThat(restarted.current().evaluate(cholera(cases))).as("%d cases", cases)
                    .isEqualTo(first.current().evaluate(cholera(cases)));
        }
    }

    @Test
    void aFirstStartBesideKeptRulesStillRunsAndCountsTheTests() throws Exception {
        FirstStart before = FirstStart.in("start-up-compilation-new-database");
        RuleSetStore newDatabase = store();

        new RuleSetRegistry(newDatabase, before.properties(), before.compiles(),
                StartUpCompilation.begun(before.properties()));

        assertThat(newDatabase.versions()).singleElement().extracting(RuleSetVersion::testsPassed)
                .isEqualTo(before.store().versions().get(0).testsPassed()).isNotEqualTo(0);
    }

    @Test
    void aWorkbookWithAnErrorCompiledEarlyStillStopsTheFirstStartAndStoresNothing() throws Exception {
        GradingFolder folder = GradingFolder.create("start-up-compilation-error");
        Files.write(folder.root().resolve("tables/grading.xlsx"), "not a workbook".getBytes());
        RuleSetProperties properties = properties(folder);
        RuleSetStore store = store();
        CompileAdmission compiles = new CompileAdmission(properties, FaultInjection.none());

        assertThatThrownBy(() -> new RuleSetRegistry(store, properties, compiles,
                StartUpCompilation.begun(properties)))
                .isInstanceOf(RuleSetLoadException.class).hasMessageContaining("have errors")
                .hasMessageContaining("grading.xlsx");
        assertThat(store.versions()).isEmpty();
        assertThat(folder.root().resolve("data/compiled")).as("no compiled rules kept").doesNotExist();
    }

    /** A data folder whose first start, without an early compile, stored and activated its tables as v1. */
    private record FirstStart(GradingFolder folder, RuleSetProperties properties, RuleSetStore store,
            CompileAdmission compiles, RuleSetRegistry registry) {

        static FirstStart in(String name) throws Exception {
            GradingFolder folder = GradingFolder.create(name);
            RuleSetProperties properties = StartUpCompilationTest.properties(folder);
            RuleSetStore store = StartUpCompilationTest.store();
            CompileAdmission compiles = new CompileAdmission(properties, FaultInjection.none());
            RuleSetRegistry registry = new RuleSetRegistry(store, properties, compiles, StartUpCompilation.none());
            registry.awaitKeptCleanup(); // so that what a case puts in the folder is removed, if at all, by its restart
            return new FirstStart(folder, properties, store, compiles, registry);
        }

        /** The same data folder and database started again, taking the given early compile. */
        RuleSetRegistry restart(StartUpCompilation early) {
            return new RuleSetRegistry(store, properties, compiles, early);
        }
    }

    private static RuleSetProperties properties(GradingFolder folder) {
        return new RuleSetProperties("./" + folder.root().resolve("tables"),
                new RuleSetProperties.RuleSets(1, Duration.ofSeconds(5), 10_000, 200_000, null),
                "./" + folder.root().resolve("data"));
    }

    private static RuleSetStore store() {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:start-up-" + System.nanoTime()
                + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/migration")
                .javaMigrations(new V6__RuleSetIdentity()).load().migrate();
        return new RuleSetStore(new JdbcTemplate(db), new TransactionTemplate(new DataSourceTransactionManager(db)));
    }

    private static Situation cholera(int cases) {
        return new Situation("cholera", new Region("330106", null, null), null, Map.of("cases", cases));
    }
}
