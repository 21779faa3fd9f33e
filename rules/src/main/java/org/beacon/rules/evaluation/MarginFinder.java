package org.beacon.rules.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import org.beacon.rules.decision.Decision;
import org.beacon.rules.decision.Margins;
import org.beacon.rules.decision.Margins.Answer;
import org.beacon.rules.decision.Margins.IndicatorMargin;
import org.beacon.rules.decision.Margins.Margin;
import org.beacon.rules.decision.RuleMatch;
import org.beacon.rules.decision.TableDecision;
import org.beacon.rules.evaluation.SituationValues.SignalFacts;
import org.beacon.rules.model.AreaRisk;
import org.beacon.rules.model.Condition;
import org.beacon.rules.model.Criterion;
import org.beacon.rules.model.DecisionTable;
import org.beacon.rules.model.FilledIndicators;
import org.beacon.rules.model.Indicator;
import org.beacon.rules.model.IndicatorType;
import org.beacon.rules.model.Interval;
import org.beacon.rules.model.RiskLevel;
import org.beacon.rules.model.Rule;
import org.beacon.rules.model.RuleSetModel;
import org.beacon.rules.model.TypedOutputs;

/**
 * Finds a decision's margins from the boundaries the compiled rows write. Between two neighbouring boundaries of an
 * indicator every row's condition on it, and so the whole staged decision, gives the same answer; only at a boundary,
 * or just past one, can it change. So the answer is decided (with the real evaluation path, every stage) once per
 * region between boundaries, nearest first, and the first that differs is the margin: no value is tried blindly, and
 * a change in a later stage through an earlier one (a grade that changes the reporting duty) is found too.
 * Immutable and thread-safe.
 */
final class MarginFinder {

    private final RuleSetEvaluator rules;
    /** Every boundary any condition writes, by indicator name and by table (so tables of other events are skipped). */
    private final List<Map<String, NavigableSet<BigDecimal>>> boundariesByTable;
    private final List<DecisionTable> tables;

    MarginFinder(RuleSetEvaluator rules, RuleSetModel model) {
        this.rules = rules;
        this.tables = model.tables();
        List<Map<String, NavigableSet<BigDecimal>>> byTable = new ArrayList<>();
        for (DecisionTable t : tables) {
            Map<String, NavigableSet<BigDecimal>> bounds = new HashMap<>();
            for (Rule r : t.rules()) {
                for (Condition c : r.conditions()) {
                    if (c.criterion() instanceof Criterion.Numeric n) {
                        NavigableSet<BigDecimal> set = bounds.computeIfAbsent(c.indicator().name(),
                                k -> new TreeSet<>());
                        Interval i = n.interval();
                        if (i.low() != null) {
                            set.add(i.low().stripTrailingZeros());
                        }
                        if (i.high() != null) {
                            set.add(i.high().stripTrailingZeros());
                        }
                    }
                }
            }
            byTable.add(bounds);
        }
        this.boundariesByTable = List.copyOf(byTable);
    }

    Margins find(SituationValues checked, Decision decided) {
        Answer now = Answer.of(decided);
        Set<String> matchingNow = matching(decided);
        Object eventType = checked.values().get(Indicator.EVENT_TYPE);
        List<IndicatorMargin> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : checked.values().entrySet()) {
            Indicator ind = checked.dictionary().find(e.getKey()).orElse(null);
            if (ind == null || !ind.type().isNumeric() || !(e.getValue() instanceof BigDecimal value)
                    || FilledIndicators.role(ind.name()) != FilledIndicators.Role.SITUATION) {
                continue;
            }
            Search search = new Search(checked, ind, value, now, matchingNow);
            NavigableSet<BigDecimal> bounds = boundaries(ind.name(), eventType);
            search.walk(bounds, true);
            search.walk(bounds, false);
            out.add(new IndicatorMargin(ind.name(), value, ind.unit(), ind.rangeText(), search.change[0],
                    search.change[1], search.same[0], search.same[1]));
        }
        return new Margins(out);
    }

    private NavigableSet<BigDecimal> boundaries(String indicator, Object eventType) {
        NavigableSet<BigDecimal> all = new TreeSet<>();
        for (int i = 0; i < tables.size(); i++) {
            DecisionTable t = tables.get(i);
            // a table for another event type answers nothing here, whatever its boundaries
            if (eventType != null && !t.appliesTo(eventType.toString())) {
                continue;
            }
            NavigableSet<BigDecimal> b = boundariesByTable.get(i).get(indicator);
            if (b != null) {
                all.addAll(b);
            }
        }
        return all;
    }

    /** Ids of every row that matched, whether it answered or its table's hit policy overruled it. */
    private static Set<String> matching(Decision d) {
        Set<String> ids = new LinkedHashSet<>();
        for (TableDecision t : d.tables()) {
            t.matches().forEach(m -> ids.add(m.ruleId()));
            ids.addAll(t.overruled());
        }
        return ids;
    }

    /** One indicator's walk, up then down; index 0 is above, 1 below. */
    private final class Search {
        private final SituationValues checked;
        private final Indicator indicator;
        private final BigDecimal value;
        private final Answer now;
        private final Set<String> matchingNow;
        final Margin[] change = new Margin[2];
        final Margin[] same = new Margin[2];

        Search(SituationValues checked, Indicator indicator, BigDecimal value, Answer now, Set<String> matchingNow) {
            this.checked = checked;
            this.indicator = indicator;
            this.value = value;
            this.now = now;
            this.matchingNow = matchingNow;
        }

        /**
         * Decides one value per region the boundaries cut the indicator's range into, nearest first, until the answer
         * changes. An integer's regions are tried at their first whole value; a decimal's at the boundary itself and
         * inside the open stretch past it.
         */
        void walk(NavigableSet<BigDecimal> bounds, boolean up) {
            int side = up ? 0 : 1;
            if (indicator.type() == IndicatorType.INTEGER) {
                for (BigDecimal candidate : wholeCandidates(bounds, up)) {
                    if (tryAt(candidate, candidate, false, side)) {
                        return;
                    }
                }
                return;
            }
            NavigableSet<BigDecimal> ahead = up ? bounds.tailSet(value, false) : bounds.headSet(value, false)
                    .descendingSet();
            BigDecimal previous = value;
            boolean previousIsBoundary = bounds.contains(value.stripTrailingZeros());
            for (BigDecimal b : ahead) {
                if (!inRange(b)) {
                    break;
                }
                if (previousIsBoundary && tryAt(midpoint(previous, b), previous, true, side)) {
                    return;
                }
                if (tryAt(b, b, false, side)) {
                    return;
                }
                previous = b;
                previousIsBoundary = true;
            }
            if (previousIsBoundary) {
                BigDecimal end = up ? indicator.max() : indicator.min();
                BigDecimal past = end != null ? end : up ? previous.add(BigDecimal.ONE)
                        : previous.subtract(BigDecimal.ONE);
                if (past.compareTo(previous) != 0) {
                    tryAt(past, previous, true, side);
                }
            }
        }

        /** Each region's first whole value past the situation's, in the order met going up (or down), in range. */
        private List<BigDecimal> wholeCandidates(NavigableSet<BigDecimal> bounds, boolean up) {
            NavigableSet<BigDecimal> candidates = new TreeSet<>();
            for (BigDecimal b : bounds) {
                BigDecimal ceiling = b.setScale(0, RoundingMode.CEILING);
                BigDecimal floor = b.setScale(0, RoundingMode.FLOOR);
                if (up) {
                    candidates.add(ceiling);
                    candidates.add(floor.add(BigDecimal.ONE));
                } else {
                    candidates.add(floor);
                    candidates.add(ceiling.subtract(BigDecimal.ONE));
                }
            }
            List<BigDecimal> out = new ArrayList<>();
            for (BigDecimal c : up ? candidates.tailSet(value, false) : candidates.headSet(value, false)
                    .descendingSet()) {
                if (!inRange(c)) {
                    break;
                }
                out.add(c);
            }
            return out;
        }

        private boolean inRange(BigDecimal n) {
            return indicator.inRange(n);
        }

        /**
         * Decides the situation with the indicator at {@code tried}; records a margin at {@code shown} when the
         * answer differs (true), or the first same-answer step when other rows match.
         */
        private boolean tryAt(BigDecimal tried, BigDecimal shown, boolean beyond, int side) {
            Map<String, Object> values = new HashMap<>(checked.values());
            values.put(indicator.name(), tried);
            Decision then = rules.decide(values, checked.signals());
            Answer answer = Answer.of(then);
            BigDecimal distance = shown.subtract(value).abs();
            if (!answer.equals(now)) {
                change[side] = new Margin(shown, beyond, distance, answer, answering(then, answer));
                return true;
            }
            if (same[side] == null) {
                Set<String> added = matching(then);
                added.removeAll(matchingNow);
                if (!added.isEmpty()) {
                    same[side] = new Margin(shown, beyond, distance, answer, List.copyOf(added));
                }
            }
            return false;
        }

        /** The rows that give what changed: the new grade, colour, reporting duty or risk level. */
        private List<String> answering(Decision then, Answer answer) {
            Set<String> rows = new LinkedHashSet<>();
            for (TableDecision t : then.tables()) {
                for (RuleMatch m : t.matches()) {
                    boolean gives = answer.grade() != now.grade() && m.grade() != null && m.grade() == answer.grade()
                            || answer.colour() != now.colour() && m.colour() != null
                                    && m.colour() == answer.colour()
                            || answer.reportingDiffers(now) && then.reporting().rows().contains(m.ruleId())
                            || answer.riskLevel() != now.riskLevel() && answer.riskLevel() != null
                                    && RiskLevel.parse(output(m, TypedOutputs.RISK_LEVEL)).orElse(null)
                                            == answer.riskLevel()
                            || answer.areaRisk() != now.areaRisk() && answer.areaRisk() != null
                                    && AreaRisk.parse(output(m, TypedOutputs.AREA_RISK)).orElse(null)
                                            == answer.areaRisk();
                    if (gives) {
                        rows.add(m.ruleId());
                    }
                }
            }
            return List.copyOf(rows);
        }

        private static String output(RuleMatch m, String name) {
            return m.outputs().getOrDefault(name, "");
        }
    }

    /** Halfway between two boundaries: inside the open stretch between them, exactly. */
    private static BigDecimal midpoint(BigDecimal a, BigDecimal b) {
        return a.add(b).divide(BigDecimal.valueOf(2));
    }
}
