package org.beacon.service.ruleset;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.beacon.rules.CompiledRuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compiled versions kept in memory, weighed by their estimated heap ({@link
 * org.beacon.rules.model.VersionSize#retainedBytes()}) against one budget ({@code beacon.rule-sets.compiled-budget}).
 * The live versions (those the timeline answers with on some date) are always kept and count against it; the others
 * (a draft being tried, one just uploaded or dropped from the timeline) are kept while they fit beside them, the one
 * used least recently evicted first, each eviction logged. A version evicted is compiled again when asked for.
 *
 * <p>Why by size: a 10,000-row version keeps about 250 MB and the bundled tables 6 MB, so a count of versions bounds
 * nothing, and a small heap ran out after a few large uploads. Why least recently used and not Caffeine's frequency
 * based admission: that refused the version just uploaded in favour of older ones used twice, so the draft an editor
 * is trying was compiled again at each request. Thread-safe; a version asked for by several requests at once is
 * compiled once.
 */
final class CompiledVersions {

    private static final Logger log = LoggerFactory.getLogger(CompiledVersions.class);
    private static final int LAST_EVICTED = 5;

    /** What is held now, for the health endpoint. */
    record Memory(long budgetBytes, long heldBytes, List<String> versions, long evictions, List<String> lastEvicted) {
    }

    private final long budget;
    private volatile Map<String, CompiledRuleSet> live = Map.of();
    /** Guarded by {@code this}; in access order, so the first is the one used least recently. */
    private final LinkedHashMap<String, CompiledRuleSet> others = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, CompletableFuture<CompiledRuleSet>> compiling = new ConcurrentHashMap<>();
    private final Deque<String> lastEvicted = new ArrayDeque<>();
    private long evictions;

    CompiledVersions(long budgetBytes) {
        this.budget = budgetBytes;
    }

    /** The version {@code id}, compiled by {@code compile} when it is not held (and then held while it fits). */
    CompiledRuleSet get(String id, Function<String, CompiledRuleSet> compile) {
        CompiledRuleSet held = live.get(id);
        if (held != null) {
            return held;
        }
        synchronized (this) {
            held = others.get(id);
        }
        if (held != null) {
            return held;
        }
        CompletableFuture<CompiledRuleSet> mine = new CompletableFuture<>();
        CompletableFuture<CompiledRuleSet> running = compiling.putIfAbsent(id, mine);
        if (running != null) {
            return join(running);
        }
        try {
            CompiledRuleSet ruleSet = compile.apply(id);
            remember(id, ruleSet);
            mine.complete(ruleSet);
            return ruleSet;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            compiling.remove(id, mine);
        }
    }

    /** Holds a version just compiled (an upload, the first start) unless it is held already. */
    void remember(CompiledRuleSet ruleSet) {
        remember(ruleSet.id(), ruleSet);
    }

    /**
     * Makes {@code next} the live versions: the ones leaving the timeline join the others, and what the live ones
     * take is no longer available to the others, who are evicted down to the rest of the budget.
     */
    synchronized void replaceLive(Map<String, CompiledRuleSet> next) {
        Map<String, CompiledRuleSet> before = live;
        live = Map.copyOf(next);
        others.keySet().removeAll(next.keySet());
        before.forEach((id, ruleSet) -> {
            if (!next.containsKey(id)) {
                others.put(id, ruleSet);
            }
        });
        long liveBytes = bytes(next.values().stream());
        if (liveBytes > budget) {
            log.warn("the versions in force ({}) alone take {} by their estimate, more than "
                    + "beacon.rule-sets.compiled-budget ({}); no other version stays compiled", next.keySet(),
                    megabytes(liveBytes), megabytes(budget));
        }
        evictOverBudget();
    }

    synchronized Memory memory() {
        return new Memory(budget, bytes(Stream.concat(live.values().stream(), others.values().stream())),
                Stream.concat(live.keySet().stream(), others.keySet().stream()).sorted().toList(), evictions,
                List.copyOf(lastEvicted));
    }

    private synchronized void remember(String id, CompiledRuleSet ruleSet) {
        if (!live.containsKey(id) && others.putIfAbsent(id, ruleSet) == null) {
            evictOverBudget();
        }
    }

    /** Evicts the versions used least recently until all fit; the one just added last, when it alone does not. */
    private void evictOverBudget() {
        long held = bytes(Stream.concat(live.values().stream(), others.values().stream()));
        Iterator<Map.Entry<String, CompiledRuleSet>> eldest = others.entrySet().iterator();
        while (held > budget && eldest.hasNext()) {
            Map.Entry<String, CompiledRuleSet> e = eldest.next();
            long size = bytes(Stream.of(e.getValue()));
            eldest.remove();
            held -= size;
            evictions++;
            lastEvicted.addFirst(e.getKey());
            if (lastEvicted.size() > LAST_EVICTED) {
                lastEvicted.removeLast();
            }
            log.info("compiled rule set {} evicted from memory ({} by its estimate; {} of "
                    + "beacon.rule-sets.compiled-budget {} still held); it is compiled again when asked for",
                    e.getKey(), megabytes(size), megabytes(held), megabytes(budget));
        }
    }

    private static CompiledRuleSet join(CompletableFuture<CompiledRuleSet> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static long bytes(Stream<CompiledRuleSet> ruleSets) {
        return ruleSets.mapToLong(r -> r.size().retainedBytes()).sum();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
