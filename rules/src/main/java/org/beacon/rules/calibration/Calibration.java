package org.beacon.rules.calibration;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.beacon.rules.Compilation;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.RuleSetCompiler;
import org.beacon.rules.model.Diagnostic;
import org.beacon.rules.model.WorkbookSource;
import org.beacon.rules.replay.ActualLevels;
import org.beacon.rules.replay.ReplayResult.Summary;
import org.beacon.rules.replay.Replayer;
import org.beacon.rules.replay.Timeline;

/**
 * Sweeps a grid of parameter values over one timeline: each combination is compiled from the same workbooks with
 * those values (the cells are never changed, the test sheets run without gating) and replayed once, combinations in
 * parallel on a bounded number of threads, each replay on one. {@link #trial} replays today's values first: the
 * baseline, the cells to change, and the time one combination takes, from which a caller estimates the whole run
 * before starting it. Thread-safe; holds no state between runs.
 */
public final class Calibration {

    /** The label a replay of one combination goes under. */
    private static final String ARM = "calibration";

    private final RuleSetCompiler compiler;
    private final Timeline timeline;
    private final ActualLevels actual;
    private final Objective objective;
    private final int threads;
    private final RuleSetCompiler.ReadWorkbooks read;

    public Calibration(RuleSetCompiler compiler, List<WorkbookSource> tables, Timeline timeline,
            ActualLevels actual, Objective objective, int threads) {
        this.compiler = compiler;
        this.timeline = timeline;
        this.actual = actual;
        this.objective = objective;
        this.threads = Math.max(1, threads);
        this.read = compiler.read(List.copyOf(tables));
    }

    /**
     * Today's values, replayed once and timed.
     *
     * @param cells where each parameter's value is typed ({@code escalation.xlsx Parameters!B6})
     * @param took how long compiling and replaying them took: about what each combination takes on one thread
     */
    public record Trial(Map<String, BigDecimal> values, Map<String, String> cells, CombinationResult baseline,
            Duration took) {
    }

    /** What a sweep found: every combination, best first by the objective, and today's values to compare. */
    public record Outcome(Objective objective, ParameterGrid grid, List<CombinationResult> ranked,
            CombinationResult baseline, Map<String, String> cells, Map<String, BigDecimal> today, Duration took,
            int threads) {
    }

    /**
     * Compiles and replays the workbooks as they are.
     *
     * @param ruleSet the workbooks already compiled as they are (their parameters and cells are read from it)
     */
    public Trial trial(CompiledRuleSet ruleSet) {
        long started = System.nanoTime();
        Map<String, BigDecimal> today = new LinkedHashMap<>();
        ruleSet.model().parameters().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> today.put(e.getKey(), e.getValue()));
        CombinationResult baseline = replay(-1, Map.of());
        return new Trial(today, ruleSet.model().parameterCells(), baseline,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** About how long {@link #run} will take, from the trial: combinations × one trial ÷ threads. */
    public Duration estimate(Trial trial, ParameterGrid grid) {
        int parallel = Math.min(threads, grid.size());
        return trial.took().multipliedBy((grid.size() + parallel - 1) / parallel);
    }

    /**
     * Replays every combination of the grid.
     *
     * @param progress hears the number of combinations done, from the worker threads
     */
    public Outcome run(Trial trial, ParameterGrid grid, LongConsumer progress) {
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, grid.size()), r -> {
            Thread t = new Thread(r, "beacon-calibration");
            t.setDaemon(true);
            return t;
        });
        AtomicLong done = new AtomicLong();
        List<CombinationResult> results = new ArrayList<>();
        try {
            List<Future<CombinationResult>> futures = new ArrayList<>();
            for (int i = 0; i < grid.size(); i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    CombinationResult r = replay(index, grid.combination(index));
                    progress.accept(done.incrementAndGet());
                    return r;
                }));
            }
            for (Future<CombinationResult> f : futures) {
                results.add(get(f));
            }
        } finally {
            pool.shutdownNow();
        }
        results.sort(Comparator.comparingDouble(CombinationResult::score)
                .thenComparing(r -> r.fit() == null ? 0 : -r.fit().agreement())
                .thenComparingInt(CombinationResult::index));
        return new Outcome(objective, grid, results, trial.baseline(), trial.cells(), trial.values(),
                Duration.ofNanos(System.nanoTime() - started), Math.min(threads, grid.size()));
    }

    private CombinationResult replay(int index, Map<String, BigDecimal> values) {
        String id = read.id() + (values.isEmpty() ? "" : " " + values);
        Compilation c = compiler.compile(id, read, values);
        List<String> failed = c.tests().stream().filter(t -> !t.passed())
                .map(t -> t.workbook() + " " + t.location()).toList();
        if (c.ruleSet().isEmpty()) {
            String problem = c.errors().stream().findFirst().map(Diagnostic::toString).orElse("does not compile");
            return new CombinationResult(index, values, null, failed, problem, Double.POSITIVE_INFINITY);
        }
        Summary s = new Replayer(List.of(Replayer.Arm.pinned(ARM, c.ruleSet().get())), actual, 1).run(timeline);
        HistoryFit fit = HistoryFit.of(s);
        return new CombinationResult(index, values, fit, failed, null, objective.score(fit));
    }

    private static CombinationResult get(Future<CombinationResult> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("calibration interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
