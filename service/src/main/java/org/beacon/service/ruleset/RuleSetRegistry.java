package org.beacon.service.ruleset;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.beacon.rules.Compilation;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.RuleSetCompiler;
import org.beacon.rules.model.Diagnostic;
import org.beacon.rules.model.Severity;
import org.beacon.rules.model.WorkbookSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The compiled rule sets and which one is in force when. Evaluations read one immutable {@link ActivationTimeline}
 * and one compiled rule set per request, so an activation swaps atomically: requests in flight finish on the version they
 * started with, new ones use the new one. Polls the database ({@code beacon.rule-sets.refresh-interval}) so an
 * activation made by another instance takes effect here too.
 *
 * <p>On first start with an empty database, the start-up tables ({@link StartUpTables}) become version v1 and are
 * activated; afterwards that folder is only compared with the version in force, and new versions are uploaded.
 */
@Component
public class RuleSetRegistry {

    private static final Logger log = LoggerFactory.getLogger(RuleSetRegistry.class);
    static final String SYSTEM = "system";

    private final RuleSetStore store;
    private final CompileAdmission compiles;
    private final StartUpCompilation early;
    /** The live versions (always) and others while they fit beside them, by their estimated heap. */
    private final CompiledVersions compiled;
    private final ZoneId zone;
    private volatile ActivationTimeline timeline;
    /** The removal of kept rules no stored version can use, begun once this start's versions are ready. */
    private final CompletableFuture<List<Path>> keptCleanup;

    /**
     * Loads the timeline and compiles the versions on it, taking the start-up tables' early compile ({@code early})
     * for the one whose workbooks are the same.
     */
    RuleSetRegistry(RuleSetStore store, RuleSetProperties properties, CompileAdmission compiles,
            StartUpCompilation early) {
        this.store = store;
        this.compiles = compiles;
        this.early = early;
        this.compiled = new CompiledVersions(properties.ruleSets().compiledBudgetBytes());
        this.zone = ZoneId.systemDefault();
        StartUpTables tables = StartUpTables.choose(properties.tablesDir(), Path.of(""));
        try {
            if (store.versions().isEmpty()) {
                bootstrap(tables);
            }
            refresh();
        } finally {
            early.release();
        }
        if (timeline.inForceOn(today()).isEmpty()) {
            throw new RuleSetLoadException("no rule set is in force today.", "Activate a version (POST "
                    + "/rule-sets/{id}/activation, or the console's version page) from another instance on the same "
                    + "database, or start on an empty beacon.data-dir to start from the tables again.");
        }
        warnIfTablesDiffer(tables);
        // the start-up tables' own file stays: every start compiles them early and loads it
        this.keptCleanup = compiles.removeUnusedKept(() -> Stream.concat(store.versions().stream().map(RuleSetVersion::contentHash),
                Stream.of(RuleSetCompiler.contentHash(tables.sources()))).collect(Collectors.toSet()));
    }

    /** Waits for the removal of kept rules this start began (it queries the store on its own thread). */
    List<Path> awaitKeptCleanup() {
        return keptCleanup.join();
    }

    /** The version in force today. */
    public CompiledRuleSet current() {
        return forDate(null);
    }

    /** The version in force on a situation date; today when null. */
    public CompiledRuleSet forDate(LocalDate asOf) {
        ActivationTimeline t = timeline;
        String id = t.inForceOn(asOf == null ? today() : asOf).orElseGet(() -> t.inForceOn(today()).orElseThrow());
        return compiledVersion(id);
    }

    /** A version by id, active or not (for trying a draft). */
    public CompiledRuleSet pinned(String id) {
        return compiledVersion(id);
    }

    /** A stored version's workbooks as uploaded (a calibration compiles them again with other values). */
    public List<WorkbookSource> workbooks(String id) {
        return store.workbooks(id);
    }

    /**
     * The version that decides a situation: {@code pinned} when one was asked for, otherwise the version in force on
     * {@code asOf} (today when null). A version on the timeline is compiled already and costs no database query.
     */
    public CompiledRuleSet resolve(String pinned, LocalDate asOf) {
        return pinned != null ? compiledVersion(pinned) : forDate(asOf);
    }

    /**
     * The one rule for deciding with a version that is not the one in force ({@code ?ruleSet=v7} of evaluations,
     * batches and the risk map; {@code ruleSet} and {@code compareWith} of replays): a version that was never
     * activated (a draft) is for editors and admins trying or comparing tables; a version that is or was activated
     * (in force now, scheduled, rolled back or replaced) may be used by anyone allowed on that path, since it was
     * once put in force and its decisions can be explained and repeated. A command platform then cannot act on
     * tables nobody put in force.
     *
     * <p>Decided from the timeline in memory. Only a refusal of an id the timeline does not know (unknown, or
     * uploaded after the last refresh) looks it up, so that an unknown version is a 404 rather than a 403.
     *
     * @param pinned the version asked for, or null when none was
     * @param draftsAllowed whether the user may decide with a version never activated
     * @throws DraftNotAllowedException for a draft when drafts are not allowed (403)
     * @throws RuleSetNotFoundException for an unknown version when drafts are not allowed (404)
     */
    public void checkPinnable(String pinned, boolean draftsAllowed) {
        ActivationTimeline t = timeline;
        if (pinned == null || draftsAllowed || t.everActivated().contains(pinned)) {
            return;
        }
        if (!t.versions().contains(pinned) && store.version(pinned).isEmpty()) {
            throw new RuleSetNotFoundException(pinned);
        }
        throw new DraftNotAllowedException(pinned);
    }

    ActivationTimeline timeline() {
        return timeline;
    }

    LocalDate today() {
        return LocalDate.now(zone);
    }

    /** Follows changes made by other instances; a version that cannot be compiled yet is tried at the next poll. */
    @Scheduled(fixedDelayString = "${beacon.rule-sets.refresh-interval:2s}")
    void poll() {
        try {
            refresh();
        } catch (CompilesBusyException e) {
            log.info("rule sets not refreshed, every compile slot is taken; trying again at the next poll");
        }
    }

    /**
     * Reloads the timeline when the database's revision moved (another instance, or this one, changed it). One at a
     * time, so that a slow reload of an older revision cannot replace a newer one.
     *
     * @throws CompilesBusyException when a version to put in force must be compiled and no compile could start
     */
    public synchronized void refresh() {
        int revision = store.revision();
        ActivationTimeline current = timeline;
        if (current != null && current.revision() == revision) {
            return;
        }
        Map<String, RuleSetVersion> versions = store.versions().stream()
                .collect(Collectors.toMap(RuleSetVersion::id, Function.identity()));
        ActivationTimeline next = ActivationTimeline.of(revision, store.events(), versions);
        // compiled before the timeline is swapped, so that no evaluation waits for a compilation
        Map<String, CompiledRuleSet> nextLive = new HashMap<>();
        next.activations().stream().map(ActivationTimeline.Activation::ruleSetId).distinct().filter(next::isLive)
                .forEach(id -> nextLive.computeIfAbsent(id, this::compiledVersion));
        compiled.replaceLive(nextLive);
        timeline = next;
        log.info("rule sets at revision {}: {} in force today", revision, next.inForceOn(today()).orElse("none"));
    }

    /** Keeps a rule set just compiled from an upload, so it is not compiled again. */
    void remember(CompiledRuleSet ruleSet) {
        compiled.remember(ruleSet);
    }

    /** The compiled versions held, their estimated size, the budget and the evictions so far. */
    CompiledVersions.Memory memory() {
        return compiled.memory();
    }

    private CompiledRuleSet compiledVersion(String id) {
        return compiled.get(id, key -> {
            List<WorkbookSource> sources = store.workbooks(key);
            if (sources.isEmpty()) {
                throw new RuleSetNotFoundException(key);
            }
            Compilation c = early.of(sources).filter(Compilation::succeeded)
                    .orElseGet(() -> compiles.compile(key, sources));
            return c.ruleSet().map(r -> r.withId(key)).orElseThrow(() -> new RuleSetLoadException("stored rule set "
                    + key + " no longer compiles:\n" + describe(c.errors())));
        });
    }

    private void bootstrap(StartUpTables tables) {
        if (tables.folder().isEmpty()) {
            log.info("{} is not set and there is no ./tables folder here: starting on {}", StartUpTables.SETTING,
                    tables.origin());
        }
        List<WorkbookSource> sources = tables.sources();
        long started = System.nanoTime();
        // the version stored now counts its tests and warnings: a compile that skipped them is not enough
        Compilation c = early.of(sources).filter(e -> !e.checksSkipped())
                .orElseGet(() -> compiles.compileAtStartUp(sources));
        c.diagnostics().stream().filter(d -> d.severity() != Severity.INFO).forEach(d -> log.warn("{}", d));
        if (!c.succeeded()) {
            throw new RuleSetLoadException("the workbooks in " + tables.origin() + " have errors:\n"
                    + describe(c.errors()));
        }
        RuleSetVersion v1 = store.insert(c.contentHash(), SYSTEM, "bundled tables from " + tables.shortName(), null,
                c.warnings().size(), c.tests().size(), sources, id -> { });
        if (store.revision() == 0) {
            try {
                store.recordEvent(v1.id(), RuleSetEvent.ACTIVATION, null, SYSTEM, 0, id -> { });
            } catch (ConcurrentChangeException e) {
                log.info("another instance activated the first rule set at the same time");
            }
        }
        compiled.remember(c.ruleSet().orElseThrow().withId(v1.id()));
        log.info("first start: {} workbooks from {} became rule set {} and were activated ({} tests passed, {} ms)",
                sources.size(), tables.origin(), v1.id(), c.tests().size(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Only a folder is compared: the jar's own tables differing from a version uploaded since is no news. */
    private void warnIfTablesDiffer(StartUpTables tables) {
        if (tables.folder().isEmpty()) {
            return;
        }
        String hash = RuleSetCompiler.contentHash(tables.sources());
        CompiledRuleSet now = current();
        if (!hash.equals(now.contentHash())) {
            log.warn("the workbooks in {} differ from rule set {} in force; upload them (POST /rule-sets) to use "
                    + "them", tables.origin(), now.id());
        }
    }

    private static String describe(List<Diagnostic> errors) {
        return errors.stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
    }
}
