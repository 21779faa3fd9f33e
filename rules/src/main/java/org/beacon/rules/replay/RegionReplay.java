package org.beacon.rules.replay;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.beacon.rules.replay.ReplayResult.ArmStep;
import org.beacon.rules.replay.ReplayResult.Divergence;
import org.beacon.rules.replay.ReplayResult.Step;
import org.beacon.rules.replay.ReplayResult.Transition;

/**
 * One region's replay through every arm: the derived indicators of each step, each arm's decision and recommended
 * level (raised at once by a more serious grade, ended or lowered by the rows that say so), the transitions with
 * the rows and values behind them, the agreement with the actual decisions and the divergences between two arms.
 * Holds no state between regions, so regions are replayed in parallel.
 */
final class RegionReplay {

    private final List<Replayer.Arm> arms;
    private final ActualLevels actual;

    RegionReplay(List<Replayer.Arm> arms, ActualLevels actual) {
        this.arms = arms;
        this.actual = actual;
    }

    /** Everything one region produced. */
    static final class RegionRun {
        final String region;
        final List<Step> steps = new ArrayList<>();
        final List<Transition> transitions = new ArrayList<>();
        final List<Divergence> divergences = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        final List<Set<String>> ruleSets = new ArrayList<>();
        final List<Map<String, Long>> levelSteps = new ArrayList<>();
        final long[] undecided;
        final Map<CompiledRuleSet, Inputs> inputs = new IdentityHashMap<>();
        /** The values one arm's step gives its rule set; the Situation copies them, so one map serves every step. */
        final Map<String, Object> values = new LinkedHashMap<>();
        long agreeing;

        RegionRun(String region, int arms) {
            this.region = region;
            this.undecided = new long[arms];
            for (int a = 0; a < arms; a++) {
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

    /** Replays one region through every arm, step by step in date order. */
    RegionRun replay(Timeline.Series s, Timeline.Step step) {
        RegionRun run = new RegionRun(s.regionCode(), arms.size());
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
