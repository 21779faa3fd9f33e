package org.beacon.rules.replay;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.model.Message;
import org.beacon.rules.replay.RegionReplay.RegionRun;
import org.beacon.rules.replay.ReplayResult.ActualCheck;
import org.beacon.rules.replay.ReplayResult.ArmSummary;
import org.beacon.rules.replay.ReplayResult.Comparison;
import org.beacon.rules.replay.ReplayResult.Divergence;
import org.beacon.rules.replay.ReplayResult.Step;
import org.beacon.rules.replay.ReplayResult.Summary;
import org.beacon.rules.replay.ReplayResult.Transition;

/**
 * Replays a timeline through one or more rule sets ("arms"), region by region and step by step in date order, and
 * keeps each region's recommended response level:
 *
 * <ul>
 * <li>a decided grade more serious than the current level raises it at once (or activates a response);
 * <li>otherwise a row saying {@code THEN termination 可终止} ends the response, and a row saying
 * {@code THEN levelChange 降一级} lowers it one level (from Ⅳ: ends it). Those rows see the current level as
 * {@code currentLevel} and how long it has held as {@code daysAtCurrentLevel}, so experts write the de-escalation
 * rules in a workbook.
 * </ul>
 *
 * What a run produces reaches its {@link Listener}s as events: each region's steps (regions are decided in parallel,
 * delivered in file order), its transitions, the progress, and at the end the summary. Steps stream, so a million
 * region-days never sit in memory; only transitions and the summary are kept. Output formats are listeners the
 * caller attaches ({@code replay.report}: steps.csv, report.xlsx).
 */
public final class Replayer {

    /**
     * A rule set to replay: either one version, or the version in force on each date.
     *
     * @param label how reports name it ({@code v3}, {@code in force})
     */
    public record Arm(String label, Function<LocalDate, CompiledRuleSet> ruleSets) {

        public static Arm pinned(String label, CompiledRuleSet ruleSet) {
            return new Arm(label, d -> ruleSet);
        }
    }

    /** Hears what a run produces, in this order per region: steps, transitions, progress; the summary last. */
    public interface Listener {
        /** One region's steps in date order; regions arrive in the timeline's order, on one thread at a time. */
        void region(List<Step> steps);

        /** A change of a region's recommended level, after that region's steps, in date order. */
        default void transition(Transition transition) {
        }

        /** {@code done} of {@code total} region-steps decided. */
        default void progress(long done, long total) {
        }

        /** What the run adds up to, once every region is done; not heard when the run fails. */
        default void finished(Summary summary) {
        }

        /** A listener that only hears the region-steps done. */
        static Listener onProgress(LongConsumer done) {
            return new Listener() {
                @Override
                public void region(List<Step> steps) {
                }

                @Override
                public void progress(long stepsDone, long total) {
                    done.accept(stepsDone);
                }
            };
        }
    }

    private static final int MAX_PROBLEMS = 50;

    private final List<Arm> arms;
    private final ActualLevels actual;
    private final int threads;

    public Replayer(List<Arm> arms, ActualLevels actual, int threads) {
        if (arms.isEmpty() || arms.size() > 2) {
            throw new IllegalArgumentException("a replay compares one or two rule sets");
        }
        this.arms = List.copyOf(arms);
        this.actual = actual == null ? ActualLevels.none() : actual;
        this.threads = Math.max(1, threads);
    }

    /** The arms' labels, in order: how steps, transitions and reports name them. */
    public List<String> labels() {
        return arms.stream().map(Arm::label).toList();
    }

    /** Replays the timeline; every event goes to each listener, in the order given. */
    public Summary run(Timeline timeline, Listener... listeners) {
        long started = System.nanoTime();
        long total = timeline.steps();
        Totals totals = new Totals(timeline);
        RegionReplay regions = new RegionReplay(arms, actual);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "beacon-replay");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<RegionRun>> pending = new ArrayDeque<>();
            int next = 0;
            List<Timeline.Series> series = timeline.regions();
            while (next < series.size() || !pending.isEmpty()) {
                while (next < series.size() && pending.size() < threads * 2) {
                    Timeline.Series s = series.get(next++);
                    pending.add(pool.submit(() -> regions.replay(s, timeline.step())));
                }
                RegionRun run = get(pending.poll());
                for (Listener l : listeners) {
                    l.region(run.steps);
                }
                for (Transition t : run.transitions) {
                    for (Listener l : listeners) {
                        l.transition(t);
                    }
                }
                totals.add(run);
                for (Listener l : listeners) {
                    l.progress(totals.done, total);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Summary summary = totals.summary((System.nanoTime() - started) / 1_000_000);
        for (Listener l : listeners) {
            l.finished(summary);
        }
        return summary;
    }

    private static RegionRun get(Future<RegionRun> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** What the regions replayed so far add up to. */
    private final class Totals {
        final Timeline timeline;
        final List<Transition> transitions = new ArrayList<>();
        final List<Divergence> divergences = new ArrayList<>();
        final List<DataIssue> issues;
        final List<Set<String>> ruleSets = new ArrayList<>();
        final List<Map<String, Long>> levelSteps = new ArrayList<>();
        final long[] undecided = new long[arms.size()];
        final List<ActualCheck> checks = new ArrayList<>();
        long compared;
        long agreeing;
        LocalDate first;
        LocalDate last;
        long done;

        Totals(Timeline timeline) {
            this.timeline = timeline;
            this.issues = new ArrayList<>(timeline.issues());
            for (int a = 0; a < arms.size(); a++) {
                ruleSets.add(new LinkedHashSet<>());
                levelSteps.add(new LinkedHashMap<>());
            }
        }

        void add(RegionRun run) {
            transitions.addAll(run.transitions);
            divergences.addAll(run.divergences);
            for (String p : run.problems) {
                if (issues.size() < MAX_PROBLEMS + timeline.issues().size()) {
                    issues.add(DataIssue.warning(run.region, Message.of("replay.INVALID_SITUATION", p)));
                }
            }
            for (int a = 0; a < arms.size(); a++) {
                ruleSets.get(a).addAll(run.ruleSets.get(a));
                Map<String, Long> into = levelSteps.get(a);
                run.levelSteps.get(a).forEach((k, v) -> into.merge(k, v, Long::sum));
                undecided[a] += run.undecided[a];
            }
            if (actual.covers(run.region)) {
                compared += run.steps.size();
                agreeing += run.agreeing;
                checks.addAll(actual.compare(run.region, run.transitions, arms.get(0).label()));
            }
            if (!run.steps.isEmpty()) {
                LocalDate a = run.steps.get(0).date();
                LocalDate b = run.steps.get(run.steps.size() - 1).date();
                first = first == null || a.isBefore(first) ? a : first;
                last = last == null || b.isAfter(last) ? b : last;
            }
            done += run.steps.size();
        }

        Summary summary(long millis) {
            List<ArmSummary> summaries = new ArrayList<>();
            for (int a = 0; a < arms.size(); a++) {
                summaries.add(new ArmSummary(arms.get(a).label(), List.copyOf(ruleSets.get(a)), levelSteps.get(a),
                        undecided[a]));
            }
            Comparison comparison = actual.isEmpty() ? null : new Comparison(checks, compared, agreeing);
            return new Summary(timeline.step(), timeline.regions().size(), done, first, last, summaries, transitions,
                    divergences, comparison, issues, millis);
        }
    }
}
