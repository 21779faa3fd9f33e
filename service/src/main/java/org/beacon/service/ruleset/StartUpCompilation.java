package org.beacon.service.ruleset;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.beacon.rules.Compilation;
import org.beacon.rules.RuleSetCompiler;
import org.beacon.rules.model.WorkbookSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The start-up tables compiled on a thread of their own from the moment the configuration is known, before Spring
 * creates any bean: compiling them with Drools is the longest part of a start (5.6 s of 12.3 s on 2 cores), and
 * otherwise began only once the database, Tomcat and half the context were ready. The registry takes this compile
 * for the version in force (or the first start's v1) when its workbooks are the same bytes, and compiles as before
 * otherwise, so what is decided does not change: the same files through the same compiler with the same budget.
 * A compile with errors is taken too on a first start, which it still stops. On a restart the compile loads the
 * Drools packages an earlier start kept ({@link KeptCompilations}) instead of compiling the rules again, and skips
 * the analysis and test sheets those packages prove passed ({@link KeptCompilations#load}); a first start does not
 * take such a compile, since it stores the version's test and warning counts, and compiles in full.
 *
 * <p>Registered in {@code META-INF/spring.factories}, so every start of the service begins it, tests included.
 * Thread-safe.
 */
public final class StartUpCompilation implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(StartUpCompilation.class);

    private volatile CompletableFuture<Early> early;

    /** What was compiled early: the content hash of the workbooks and the compile's outcome. */
    private record Early(String contentHash, Compilation compilation) {
    }

    /** For {@code spring.factories}: begins nothing until {@link #initialize}. */
    public StartUpCompilation() {
        this.early = null;
    }

    /** None begun: the registry compiles as it always did (tests that build the registry by hand). */
    static StartUpCompilation none() {
        return new StartUpCompilation();
    }

    /** Begun with these settings, outside Spring (tests of the registry). */
    static StartUpCompilation begun(RuleSetProperties properties) {
        StartUpCompilation compilation = new StartUpCompilation();
        compilation.begin(properties);
        return compilation;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        begin(Binder.get(context.getEnvironment()).bindOrCreate("beacon", RuleSetProperties.class));
        context.getBeanFactory().registerSingleton("startUpCompilation", this);
    }

    private void begin(RuleSetProperties properties) {
        early = CompletableFuture.supplyAsync(() -> {
            List<WorkbookSource> sources = StartUpTables.choose(properties.tablesDir(), Path.of("")).sources();
            return new Early(RuleSetCompiler.contentHash(sources), KeptCompilations.of(properties)
                    .load(CompileAdmission.compilerFor(properties), null, sources));
        }, task -> {
            Thread t = new Thread(task, "start-up-compile");
            t.setDaemon(true);
            t.start();
        });
    }

    /**
     * The early compile of {@code sources}, waiting for it to end; empty when none was begun, it failed to run (the
     * registry then reports the cause itself) or it compiled other workbooks.
     */
    Optional<Compilation> of(List<WorkbookSource> sources) {
        CompletableFuture<Early> running = early;
        if (running == null) {
            return Optional.empty();
        }
        try {
            long waited = System.nanoTime();
            Early done = running.join();
            if (!done.contentHash().equals(RuleSetCompiler.contentHash(sources))) {
                return Optional.empty();
            }
            log.info("the start-up tables compiled on their own thread are taken (waited {} ms for them)",
                    (System.nanoTime() - waited) / 1_000_000);
            return Optional.of(done.compilation());
        } catch (RuntimeException e) {
            log.debug("the early compile of the start-up tables did not run; compiling them as usual", e);
            return Optional.empty();
        }
    }

    /** Lets the early compile go once the start no longer needs it, so that it holds no heap. */
    void release() {
        early = null;
    }
}
