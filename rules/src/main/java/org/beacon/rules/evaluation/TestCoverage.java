package org.beacon.rules.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beacon.rules.model.Condition;
import org.beacon.rules.model.Criterion;
import org.beacon.rules.model.DecisionTable;
import org.beacon.rules.model.Findings;
import org.beacon.rules.model.Indicator;
import org.beacon.rules.model.IndicatorType;
import org.beacon.rules.model.Interval;
import org.beacon.rules.model.Message;
import org.beacon.rules.model.Rule;
import org.beacon.rules.model.TestSheetCase;

/**
 * What the Tests sheets leave out: rows no test case answers ({@code ROW_NOT_TESTED}) and thresholds tested on one
 * side only ({@code BOUNDARY_NOT_TESTED}). Both are infos, or errors in a table with {@code Coverage: required}.
 * Reported only for tables of a workbook that has test cases, or that require coverage: a workbook without a Tests
 * sheet would otherwise list every row. Stateless.
 */
final class TestCoverage {

    /** A test case as run: what it gave, and the ids of the rows that answered it (any workbook's). */
    record Run(TestSheetCase testCase, Set<String> answered) {
    }

    private TestCoverage() {
    }

    static void report(List<DecisionTable> tables, List<Run> runs, Findings findings) {
        Set<String> answered = new HashSet<>();
        Set<String> workbooksWithTests = new HashSet<>();
        for (Run r : runs) {
            answered.addAll(r.answered());
            workbooksWithTests.add(r.testCase().workbook());
        }
        for (DecisionTable t : tables) {
            if (!t.coverageRequired() && !workbooksWithTests.contains(t.workbook())) {
                continue;
            }
            Findings in = findings.forWorkbook(t.workbook());
            List<Map<String, Object>> given = runs.stream().map(r -> r.testCase().given())
                    .filter(g -> applies(t, g)).toList();
            for (Rule rule : t.rules()) {
                if (!answered.contains(rule.id())) {
                    add(in, t, rule.id(), Message.of("ROW_NOT_TESTED", rule.id()));
                }
                for (Condition c : rule.conditions()) {
                    List<String> missing = untestedSides(c, given);
                    if (!missing.isEmpty()) {
                        add(in, t, c.cell(), Message.of("BOUNDARY_NOT_TESTED", c.indicator().name(),
                                c.criterion().describe(), String.join(", ", missing)));
                    }
                }
            }
        }
    }

    private static void add(Findings in, DecisionTable t, String location, Message text) {
        if (t.coverageRequired()) {
            in.error(location, text);
        } else {
            in.info(location, text);
        }
    }

    /** Whether a case giving {@code given} is one the table looks at: its event type, when the table names some. */
    private static boolean applies(DecisionTable t, Map<String, Object> given) {
        Object eventType = given.get(Indicator.EVENT_TYPE);
        return t.eventTypes().isEmpty() || (eventType != null && t.appliesTo(eventType.toString()));
    }

    /**
     * The values just inside and just outside each end of a numeric condition that no case gives, as
     * {@code cases = 29}. An integer's sides are the whole numbers on either side of the end; a decimal's are the
     * end itself and any value beyond it (Beacon does not round, so there is no "next" decimal). A side outside the
     * dictionary's range cannot be given and is not asked for.
     */
    private static List<String> untestedSides(Condition c, List<Map<String, Object>> given) {
        if (!(c.criterion() instanceof Criterion.Numeric numeric)) {
            return List.of();
        }
        Indicator ind = c.indicator();
        List<BigDecimal> values = given.stream().map(g -> g.get(ind.name()))
                .filter(BigDecimal.class::isInstance).map(BigDecimal.class::cast).toList();
        Interval i = numeric.interval();
        List<String> missing = new ArrayList<>();
        if (i.low() != null) {
            end(ind, values, i.low(), i.lowInclusive(), true, missing);
        }
        if (i.high() != null) {
            end(ind, values, i.high(), i.highInclusive(), false, missing);
        }
        return missing;
    }

    private static void end(Indicator ind, List<BigDecimal> values, BigDecimal end, boolean inclusive, boolean low,
            List<String> missing) {
        if (ind.type() == IndicatorType.INTEGER) {
            // the whole number just inside the end, then the one just outside it
            BigDecimal inside = low ? (inclusive ? end.setScale(0, RoundingMode.CEILING)
                    : end.setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE))
                    : (inclusive ? end.setScale(0, RoundingMode.FLOOR)
                    : end.setScale(0, RoundingMode.CEILING).subtract(BigDecimal.ONE));
            BigDecimal outside = low ? inside.subtract(BigDecimal.ONE) : inside.add(BigDecimal.ONE);
            for (BigDecimal v : List.of(inside, outside)) {
                if (ind.inRange(v) && values.stream().noneMatch(x -> x.compareTo(v) == 0)) {
                    missing.add(ind.name() + " = " + v.toPlainString());
                }
            }
            return;
        }
        if (values.stream().noneMatch(x -> x.compareTo(end) == 0)) {
            missing.add(ind.name() + " = " + end.toPlainString());
        }
        // the side of the end that the end itself is not on
        boolean beyondIsBelow = low == inclusive;
        boolean beyondCanBeGiven = beyondIsBelow ? ind.min() == null || ind.min().compareTo(end) < 0
                : ind.max() == null || ind.max().compareTo(end) > 0;
        if (beyondCanBeGiven && values.stream().noneMatch(x -> beyondIsBelow ? x.compareTo(end) < 0
                : x.compareTo(end) > 0)) {
            missing.add(ind.name() + (beyondIsBelow ? " < " : " > ") + end.toPlainString());
        }
    }
}
