package org.beacon.rules.replay;

import java.io.Writer;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
import org.beacon.rules.CheckedSituation;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.InvalidSituationException;
import org.beacon.rules.decision.ConditionCheck;
import org.beacon.rules.decision.Decision;
import org.beacon.rules.decision.RuleMatch;
import org.beacon.rules.decision.TableDecision;
import org.beacon.rules.model.Dictionary;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.Indicator;
import org.beacon.rules.model.Region;
import org.beacon.rules.model.Situation;
import org.beacon.rules.model.TypedOutputs;
import org.beacon.rules.replay.ReplayResult.ActualCheck;
import org.beacon.rules.replay.ReplayResult.ArmStep;
import org.beacon.rules.replay.ReplayResult.ArmSummary;
import org.beacon.rules.replay.ReplayResult.Comparison;
import org.beacon.rules.replay.ReplayResult.Divergence;
import org.beacon.rules.replay.ReplayResult.Step;
import org.beacon.rules.replay.ReplayResult.Summary;
import org.beacon.rules.replay.ReplayResult.Transition;
import org.beacon.rules.replay.report.ReplayCsvWriter;
import org.beacon.rules.replay.report.ReplayReport;

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
 * Steps stream to a {@link Listener} one region at a time (regions are decided in parallel, delivered in file
 * order), so a million region-days never sit in memory; only transitions and the summary are kept.
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

    /** Receives the steps as they are decided. Called from one thread at a time. */
    public interface Listener {
        /** One region's steps in date order; regions arrive in the timeline's order. */
        void region(List<Step> steps);

        /** {@code done} of {@code total} region-steps decided. */
        default void progress(long done, long total) {
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

    /**
     * Runs the replay the way its users keep it: every step written to {@code steps} as CSV (flushed at the end) and
     * given to {@code report}; {@code progress} hears the region-steps done.
     */
    public Summary run(Timeline timeline, Writer steps, ReplayReport report, LongConsumer progress) {
        ReplayCsvWriter csv = new ReplayCsvWriter(steps, arms.stream().map(Arm::label).toList(),
                DerivedIndicators.columns(timeline));
        Summary summary = run(timeline, new Listener() {
            @Override
            public void region(List<Step> s) {
                csv.region(s);
                report.region(s);
            }

            @Override
            public void progress(long done, long total) {
                progress.accept(done);
            }
        });
        csv.flush();
        return summary;
    }

    public Summary run(Timeline timeline, Listener listener) {
        long started = System.nanoTime();
        long total = timeline.steps();
        List<Transition> transitions = new ArrayList<>();
        List<Divergence> divergences = new ArrayList<>();
        List<DataIssue> issues = new ArrayList<>(timeline.issues());
        List<Set<String>> ruleSets = new ArrayList<>();
        List<Map<String, Long>> levelSteps = new ArrayList<>();
        long[] undecided = new long[arms.size()];
        for (int a = 0; a < arms.size(); a++) {
            ruleSets.add(new LinkedHashSet<>());
            levelSteps.add(new LinkedHashMap<>());
        }
        List<ActualCheck> checks = new ArrayList<>();
        long compared = 0;
        long agreeing = 0;
        LocalDate first = null;
        LocalDate last = null;
        long done = 0;
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "beacon-replay");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<RegionRun>> pending = new ArrayDeque<>();
            int next = 0;
            List<Timeline.Series> regions = timeline.regions();
            while (next < regions.size() || !pending.isEmpty()) {
                while (next < regions.size() && pending.size() < threads * 2) {
                    Timeline.Series s = regions.get(next++);
                    pending.add(pool.submit(() -> replay(s, timeline.step())));
                }
                RegionRun run = get(pending.poll());
                listener.region(run.steps);
                transitions.addAll(run.transitions);
                divergences.addAll(run.divergences);
                for (String p : run.problems) {
                    if (issues.size() < MAX_PROBLEMS + timeline.issues().size()) {
                        issues.add(DataIssue.warning("INVALID_SITUATION", run.region, p));
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
                listener.progress(done, total);
            }
        } finally {
            pool.shutdownNow();
        }
        List<ArmSummary> summaries = new ArrayList<>();
        for (int a = 0; a < arms.size(); a++) {
            summaries.add(new ArmSummary(arms.get(a).label(), List.copyOf(ruleSets.get(a)), levelSteps.get(a),
                    undecided[a]));
        }
        Comparison comparison = actual.isEmpty() ? null : new Comparison(checks, compared, agreeing);
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new Summary(timeline.step(), timeline.regions().size(), done, first, last, summaries, transitions,
                divergences, comparison, issues, millis);
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

    /** Everything one region produced. */
    private final class RegionRun {
        final String region;
        final List<Step> steps = new ArrayList<>();
        final List<Transition> transitions = new ArrayList<>();
        final List<Divergence> divergences = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        final List<Set<String>> ruleSets = new ArrayList<>();
        final List<Map<String, Long>> levelSteps = new ArrayList<>();
        final long[] undecided = new long[arms.size()];
        final Map<CompiledRuleSet, Inputs> inputs = new IdentityHashMap<>();
        /** The values one arm's step gives its rule set; the Situation copies them, so one map serves every step. */
        final Map<String, Object> values = new LinkedHashMap<>();
        long agreeing;

        RegionRun(String region) {
            this.region = region;
            for (int a = 0; a < arms.size(); a++) {
                ruleSets.add(new LinkedHashSet<>());
                levelSteps.add(new LinkedHashMap<>());
            }
        }
    }

    /** What a rule set's dictionary declares, looked up once per region rather than once a step. */
    private static final class Inputs {
        private final Dictionary dictionary;
        private final Map<String, Boolean> declared = new HashMap<>();
        /** {@code currentLevel}'s value for each grade (by ordinal); null when the dictionary has none. */
        final String[] currentLevel;
        final boolean hasCurrentLevel;
        final boolean hasDaysAtLevel;

        Inputs(CompiledRuleSet rs) {
            dictionary = rs.dictionary();
            Indicator current = dictionary.find(DerivedIndicators.CURRENT_LEVEL).orElse(null);
            hasCurrentLevel = current != null;
            currentLevel = new String[Grade.values().length];
            for (Grade g : Grade.values()) {
                currentLevel[g.ordinal()] = current == null ? null : current.enumValue(g.name()).orElse(null);
            }
            hasDaysAtLevel = dictionary.find(DerivedIndicators.DAYS_AT_CURRENT_LEVEL).isPresent();
        }

        boolean declares(String name) {
            Boolean known = declared.get(name);
            if (known == null) {
                known = dictionary.find(name).isPresent();
                declared.put(name, known);
            }
            return known;
        }
    }

    private RegionRun replay(Timeline.Series s, Timeline.Step step) {
        RegionRun run = new RegionRun(s.regionCode());
        Region region = new Region(s.regionCode(), s.regionName(), s.level());
        DerivedIndicators derived = new DerivedIndicators(s, step);
        Grade[] level = new Grade[arms.size()];
        LocalDate[] since = new LocalDate[arms.size()];
        Divergence open = null;
        boolean covered = actual.covers(s.regionCode());
        for (int i = 0; i < s.length(); i++) {
            LocalDate date = s.date(step, i);
            Map<String, Object> values = derived.at(i);
            List<ArmStep> armSteps = new ArrayList<>(arms.size());
            for (int a = 0; a < arms.size(); a++) {
                CompiledRuleSet rs = arms.get(a).ruleSets().apply(date);
                run.ruleSets.get(a).add(rs.id());
                Inputs inputs = run.inputs.computeIfAbsent(rs, Inputs::new);
                ArmStep result = decide(rs, inputs, s, region, date, values, level[a], since[a], step,
                        arms.get(a).label(), run);
                if (result.transition() != null) {
                    level[a] = result.level();
                    since[a] = date;
                    run.transitions.add(result.transition());
                }
                if (result.problem() != null) {
                    run.undecided[a]++;
                }
                run.levelSteps.get(a).merge(level[a] == null ? "none" : level[a].numeral(), 1L, Long::sum);
                armSteps.add(result);
            }
            Grade actualLevel = covered ? actual.levelOn(s.regionCode(), date) : null;
            if (covered && actualLevel == level[0]) {
                run.agreeing++;
            }
            if (arms.size() == 2) {
                boolean differ = level[0] != level[1];
                if (differ && (open == null || open.first() != level[0] || open.second() != level[1])) {
                    if (open != null) {
                        run.divergences.add(open);
                    }
                    open = new Divergence(s.regionCode(), s.regionName(), date, date, level[0], level[1]);
                } else if (differ) {
                    open = new Divergence(open.region(), open.regionName(), open.from(), date, open.first(),
                            open.second());
                } else if (open != null) {
                    run.divergences.add(open);
                    open = null;
                }
            }
            run.steps.add(new Step(s.regionCode(), s.regionName(), date, values, armSteps, actualLevel));
        }
        if (open != null) {
            run.divergences.add(open);
        }
        return run;
    }

    private ArmStep decide(CompiledRuleSet rs, Inputs inputs, Timeline.Series s, Region region, LocalDate date,
            Map<String, Object> derived, Grade level, LocalDate since, Timeline.Step step, String arm,
            RegionRun run) {
        Map<String, Object> values = run.values;
        values.clear();
        for (Map.Entry<String, Object> e : derived.entrySet()) {
            if (inputs.declares(e.getKey())) {
                values.put(e.getKey(), e.getValue());
            }
        }
        if (inputs.hasCurrentLevel && level != null) {
            String current = inputs.currentLevel[level.ordinal()];
            if (current != null) {
                values.put(DerivedIndicators.CURRENT_LEVEL, current);
            }
            if (inputs.hasDaysAtLevel) {
                values.put(DerivedIndicators.DAYS_AT_CURRENT_LEVEL, java.math.BigDecimal.valueOf(
                        step == Timeline.Step.DAY ? ChronoUnit.DAYS.between(since, date)
                                : ChronoUnit.MONTHS.between(since, date)));
            }
        }
        // checked once: a step that changes the level is decided a second time, with its explanation
        CheckedSituation situation = rs.check(new Situation(s.eventType(), region, date, values));
        Decision d;
        try {
            d = rs.evaluate(situation, false);
        } catch (InvalidSituationException e) {
            String problem = date + ": " + e.getMessage();
            if (run.problems.size() < 5) {
                run.problems.add(problem);
            }
            return new ArmStep(rs.id(), null, null, level, null, problem);
        }
        Grade grade = d.grade();
        String kind = null;
        Grade to = level;
        if (grade != null && (level == null || grade.isMoreSeriousThan(level))) {
            kind = level == null ? "activate" : "raise";
            to = grade;
        } else if (level != null && TypedOutputs.MAY_END.equals(d.termination())) {
            kind = "end";
            to = null;
        } else if (level != null && d.outputs().getOrDefault(TypedOutputs.LEVEL_CHANGE, List.of())
                .contains(TypedOutputs.LOWER)) {
            to = lower(level);
            kind = to == null ? "end" : "lower";
        }
        Transition transition = null;
        if (kind != null) {
            transition = explain(rs.evaluate(situation, true), kind, s, date, arm, level, to, grade);
        }
        return new ArmStep(rs.id(), grade, d.colour(), to, transition, null);
    }

    /** The rows behind a change of level, with the values their conditions saw. */
    private static Transition explain(Decision d, String kind, Timeline.Series s, LocalDate date, String arm,
            Grade from, Grade to, Grade grade) {
        List<String> rows = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (TableDecision t : d.tables()) {
            for (RuleMatch m : t.matches()) {
                boolean relevant = switch (kind) {
                    case "activate", "raise" -> m.grade() != null && m.grade() == grade;
                    default -> TypedOutputs.MAY_END.equals(m.outputs().get(TypedOutputs.TERMINATION))
                            || TypedOutputs.LOWER.equals(m.outputs().get(TypedOutputs.LEVEL_CHANGE));
                };
                if (!relevant) {
                    continue;
                }
                rows.add(m.ruleId());
                for (ConditionCheck c : m.explanation()) {
                    reasons.add(c.indicator() + " " + c.test() + ": " + c.actual());
                }
            }
        }
        return new Transition(s.regionCode(), s.regionName(), date, arm, kind, from, to, rows, reasons);
    }

    private static Grade lower(Grade g) {
        return switch (g) {
            case I -> Grade.II;
            case II -> Grade.III;
            case III -> Grade.IV;
            case IV -> null;
        };
    }
}
