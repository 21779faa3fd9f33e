package org.beacon.service.ruleset;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.beacon.rules.Compilation;
import org.beacon.rules.model.RuleSetBudget;
import org.beacon.rules.RuleSetCompiler;
import org.beacon.rules.model.VersionSize;
import org.beacon.rules.model.WorkbookSource;
import org.beacon.rules.model.WorkbookLimits;
import org.beacon.service.faults.FaultInjection;
import org.springframework.stereotype.Component;

/**
 * The one door to compiling workbooks in this service (uploads, stored versions compiled again on demand, the
 * registry's refresh, the first start). At most {@code beacon.rule-sets.concurrent-compiles} compiles run at once;
 * one that cannot start within {@code beacon.rule-sets.compile-wait} is refused with {@link CompilesBusyException}
 * before it reads anything. Inside, the compiler refuses a version over {@code beacon.rule-sets.max-rule-rows} or
 * {@code max-cells} before compiling it.
 *
 * <p>Why both: one compile of a large version holds hundreds of MB while it runs, so a few at once exhaust a heap
 * that each alone would fit, and an exhausted heap stops Tomcat's own threads, after which the service answers
 * nothing while its process and port stay up. The budget keeps each compile within a known size; the slots keep
 * their number, and so the memory they take together, bounded. Thread-safe.
 */
@Component
class CompileAdmission {

    private final RuleSetCompiler compiler;
    private final KeptCompilations kept;
    private final Semaphore slots;
    private final int slotCount;
    private final Duration wait;
    private final FaultInjection faults;

    CompileAdmission(RuleSetProperties properties, FaultInjection faults) {
        RuleSetProperties.RuleSets settings = properties.ruleSets();
        this.compiler = compilerFor(properties);
        this.kept = KeptCompilations.of(properties);
        this.slotCount = settings.concurrentCompiles();
        this.slots = new Semaphore(slotCount, true);
        this.wait = settings.compileWait();
        this.faults = faults;
    }

    /**
     * The compiler this service compiles with: the reading limits and the configured budget. Also what the start-up
     * tables are compiled with before the context exists ({@link StartUpCompilation}), so both compile alike.
     */
    static RuleSetCompiler compilerFor(RuleSetProperties properties) {
        return new RuleSetCompiler(WorkbookLimits.DEFAULT, budget(properties));
    }

    private static RuleSetBudget budget(RuleSetProperties properties) {
        return new RuleSetBudget(properties.ruleSets().maxRuleRows(), properties.ruleSets().maxCells());
    }

    /** The size of these workbooks as the budget counts it; reading them is bounded, so it takes no turn. */
    VersionSize size(List<WorkbookSource> sources) {
        return compiler.size(sources);
    }

    /** Compiles under an id derived from the content, waiting for a slot at most {@code compile-wait}. */
    Compilation compile(List<WorkbookSource> sources) {
        return compile(null, sources);
    }

    /**
     * Compiles under {@code id} (derived from the content when null), waiting for a slot at most
     * {@code compile-wait}.
     *
     * @throws CompilesBusyException when no slot freed in time
     */
    Compilation compile(String id, List<WorkbookSource> sources) {
        try {
            if (!slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new CompilesBusyException(slotCount, wait.toSeconds(), retryAfterSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompilesBusyException(slotCount, wait.toSeconds(), retryAfterSeconds());
        }
        try {
            faults.insideCompile(id == null ? "an upload" : id);
            return run(id, sources);
        } finally {
            slots.release();
        }
    }

    /**
     * The first start's compile of {@code beacon.tables-dir}: nothing else can be waiting yet, and refusing it would
     * stop the start, so it waits as long as it takes. The budget still applies.
     */
    Compilation compileAtStartUp(List<WorkbookSource> sources) {
        slots.acquireUninterruptibly();
        try {
            return kept.compile(compiler, null, sources);
        } finally {
            slots.release();
        }
    }

    /**
     * Removes, on a thread of its own, the kept rules for workbooks not among {@code used} or of another build; the
     * result is done with the files removed when that thread has ended.
     */
    CompletableFuture<List<Path>> removeUnusedKept(Supplier<Set<String>> used) {
        return kept.removeUnusedLater(used);
    }

    /** An upload ({@code id} null) is compiled as it is; the rules of a stored version or the tables are kept. */
    private Compilation run(String id, List<WorkbookSource> sources) {
        return id == null ? compiler.compile(sources) : kept.compile(compiler, id, sources);
    }

    /** About what one compile at the budget takes in a running service (the bundled tables take a second). */
    private long retryAfterSeconds() {
        return Math.max(15, wait.toSeconds());
    }
}
