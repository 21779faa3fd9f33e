package org.beacon.rules.impact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.beacon.rules.CheckedSituation;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.decision.Decision;
import org.beacon.rules.impact.ImpactReport.Dimension;
import org.beacon.rules.impact.ImpactReport.Invalid;
import org.beacon.rules.impact.ImpactReport.RowChange;
import org.beacon.rules.impact.ImpactReport.Transition;
import org.beacon.rules.model.Situation;
import org.beacon.rules.model.SituationProblem;
import org.beacon.rules.replay.Timeline;

/**
 * Decides situations with two versions and adds up what changes (see {@link ImpactReport}). Situations stream
 * through {@link #add}: nothing of a situation is kept but its id, and only as one of a bounded number of examples,
 * so memory depends on the tables (rows, weeks, values) and the example limit, never on how many situations pass.
 * Timelines are replayed with both versions ({@link #addTimeline}), each version keeping its own response level.
 * Not thread-safe: one thread adds, then asks for the {@link #report}.
 */
public final class ImpactComparison {

    /** The outputs whose transitions are counted, in report order; {@code level} only for replayed timelines. */
    static final List<String> DIMENSIONS = List.of("grade", "colour", "riskLevel", "reporting", "level");

    private final CompiledRuleSet before;
    private final CompiledRuleSet after;
    private final int examples;
    private final Map<String, Map<String, Examples>> transitions = new LinkedHashMap<>();
    private final Map<String, Examples[]> rows = new TreeMap<>(ImpactComparison::compareRows);
    private final WeeklyBurden burden = new WeeklyBurden();
    private final Examples becameInvalid;
    private final List<Invalid> invalid = new ArrayList<>();
    private long situations;
    private long decided;
    private long changed;
    private long invalidBefore;

    /**
     * @param before the version in force (or the one to compare against)
     * @param after the candidate
     * @param examples how many example ids to keep per transition, per row gained or lost, and of invalid situations
     */
    public ImpactComparison(CompiledRuleSet before, CompiledRuleSet after, int examples) {
        if (examples < 0) {
            throw new IllegalArgumentException("examples must be ≥ 0, not " + examples);
        }
        this.before = before;
        this.after = after;
        this.examples = examples;
        this.becameInvalid = new Examples(0);
        DIMENSIONS.forEach(d -> transitions.put(d, new LinkedHashMap<>()));
    }

    /** Decides one situation with both versions and counts what changed. */
    public void add(String id, Situation situation) {
        situations++;
        CheckedSituation old = before.check(situation);
        if (!old.isValid()) {
            invalidBefore++;
            return;
        }
        CheckedSituation now = after.check(situation);
        if (!now.isValid()) {
            refused(id, now.problems());
            return;
        }
        compare(id, situation.asOf(), before.evaluate(old, false), after.evaluate(now, false));
    }

    /**
     * Replays a timeline with both versions and counts each region-step as a situation, with the recommended
     * response level as one more transition ({@code level}).
     *
     * @param name how the steps' ids start ({@code covid.csv:420000@2020-02-01})
     * @param threads regions replayed at once
     */
    public void addTimeline(String name, Timeline timeline, int threads) {
        new TimelineImpact(this, name, timeline, before, after).replay(threads);
    }

    void refused(String id, List<SituationProblem> problems) {
        becameInvalid.add(id);
        if (invalid.size() < examples) {
            SituationProblem first = problems.get(0);
            invalid.add(new Invalid(id, first.pointer() + ": " + first.message()));
        }
    }

    void countInvalidBefore() {
        invalidBefore++;
    }

    void countSituation() {
        situations++;
    }

    /** Counts two decisions of the same situation; {@code level} is null outside a replay. */
    void compare(String id, LocalDate date, Decision old, Decision now, String... level) {
        decided++;
        boolean differs = count("grade", grade(old), grade(now), id)
                | count("colour", colour(old), colour(now), id)
                | count("riskLevel", risk(old), risk(now), id)
                | count("reporting", reporting(old), reporting(now), id);
        if (level.length == 2) {
            differs |= count("level", level[0], level[1], id);
        }
        differs |= rowsChanged(id, old.firedRules(), now.firedRules());
        if (differs) {
            changed++;
        }
        burden.add(date, old, now);
    }

    private boolean count(String dimension, String from, String to, String id) {
        transitions.get(dimension).computeIfAbsent(from + "\u0000" + to, k -> new Examples(examples)).add(id);
        return !from.equals(to);
    }

    private boolean rowsChanged(String id, List<String> old, List<String> now) {
        if (old.equals(now)) {
            return false;
        }
        Set<String> was = new HashSet<>(old);
        Set<String> is = new HashSet<>(now);
        boolean differs = false;
        for (String r : now) {
            if (!was.contains(r)) {
                row(r)[0].add(id);
                differs = true;
            }
        }
        for (String r : old) {
            if (!is.contains(r)) {
                row(r)[1].add(id);
                differs = true;
            }
        }
        return differs;
    }

    private Examples[] row(String ruleId) {
        return rows.computeIfAbsent(ruleId, r -> new Examples[] {new Examples(examples), new Examples(examples)});
    }

    /** What the situations added so far changed. */
    public ImpactReport report() {
        List<Dimension> dims = new ArrayList<>();
        transitions.forEach((name, pairs) -> {
            if (pairs.isEmpty()) {
                return;
            }
            List<Transition> list = new ArrayList<>();
            pairs.forEach((key, ex) -> {
                int cut = key.indexOf('\u0000');
                list.add(new Transition(key.substring(0, cut), key.substring(cut + 1), ex.count(), ex.ids()));
            });
            list.sort(Comparator.comparing(Transition::changed).reversed()
                    .thenComparing(Comparator.comparingLong(Transition::count).reversed()));
            dims.add(new Dimension(name, list));
        });
        List<RowChange> changes = new ArrayList<>();
        rows.forEach((id, ex) -> changes.add(new RowChange(table(id), id, ex[0].count(), ex[1].count(), ex[0].ids(),
                ex[1].ids())));
        return new ImpactReport(before.id(), after.id(), situations, decided, changed, invalidBefore,
                becameInvalid.count(), invalid, dims, changes, burden.weeks());
    }

    static String grade(Decision d) {
        return d.grade() == null ? "none" : d.grade().numeral();
    }

    static String colour(Decision d) {
        return d.colour() == null ? "none" : d.colour().code();
    }

    static String risk(Decision d) {
        return d.riskLevel() == null ? "none" : d.riskLevel().code();
    }

    /** {@code 2h} for a duty to report within two hours, {@code required} without a limit, {@code none}. */
    static String reporting(Decision d) {
        Decision.Reporting r = d.reporting();
        if (r == null || !r.required()) {
            return "none";
        }
        return r.withinHours() == null ? "required" : r.withinHours() + "h";
    }

    private static String table(String ruleId) {
        int bang = ruleId.lastIndexOf('!');
        return bang < 0 ? ruleId : ruleId.substring(0, bang);
    }

    /** Table by name, then rows by number ({@code R9} before {@code R10}). */
    private static int compareRows(String a, String b) {
        int byTable = table(a).compareTo(table(b));
        if (byTable != 0) {
            return byTable;
        }
        int byRow = Long.compare(number(a), number(b));
        return byRow != 0 ? byRow : a.compareTo(b);
    }

    private static long number(String ruleId) {
        int r = ruleId.lastIndexOf("!R");
        try {
            return r < 0 ? 0 : Long.parseLong(ruleId.substring(r + 2));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
