package org.beacon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.beacon.rules.CheckedSituation;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.CorpusSize;
import org.beacon.rules.RuleSetCompiler;
import org.beacon.rules.Workbooks;
import org.beacon.rules.decision.Margins;
import org.beacon.rules.decision.Margins.Answer;
import org.beacon.rules.decision.Margins.IndicatorMargin;
import org.beacon.rules.decision.Margins.Margin;
import org.beacon.rules.model.AdminLevel;
import org.beacon.rules.model.Condition;
import org.beacon.rules.model.Criterion;
import org.beacon.rules.model.DecisionTable;
import org.beacon.rules.model.FilledIndicators;
import org.beacon.rules.model.Indicator;
import org.beacon.rules.model.IndicatorType;
import org.beacon.rules.model.Region;
import org.beacon.rules.model.Rule;
import org.beacon.rules.model.Situation;
import org.beacon.rules.model.TestSheetCase;
import org.beacon.rules.model.WorkbookSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The margins computed from the rows' boundaries are those found by trying values: every whole value of an integer
 * from 0 to past the largest boundary, and a decimal at every boundary and one small step either side, on every
 * example request and on the situations of every bundled workbook's Tests sheet (so every table is reached).
 */
class MarginsMatchBruteForceTest {

    /** How far past the largest boundary (or the situation's value) whole values are tried. */
    private static final int PAST_LAST_BOUNDARY = 10;

    private static CompiledRuleSet tables;

    @BeforeAll
    static void compileTables() {
        tables = new RuleSetCompiler().compile(WorkbookSource.readAll(Workbooks.root().resolve("tables")))
                .ruleSet().orElseThrow();
    }

    @Test
    void marginsOfEveryExampleRequestMatchBruteForce() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Workbooks.root().resolve("examples/requests"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        int indicators = 0;
        for (Path f : files) {
            indicators += compareWithBruteForce(f.getFileName().toString(), SituationJson.read(Files.readString(f)));
        }
        assertThat(indicators).as("numeric indicators compared").isGreaterThan(15);
    }

    @Test
    void marginsOfEveryTestSheetSituationMatchBruteForce() {
        Set<String> tablesReached = new TreeSet<>();
        int compared = 0;
        int step = CorpusSize.of(1, 7);
        List<TestSheetCase> cases = tables.model().tests();
        for (int i = 0; i < cases.size(); i += step) {
            Situation s = situationOf(cases.get(i));
            if (s == null || !tables.check(s).isValid()) {
                continue;
            }
            compared += compareWithBruteForce(cases.get(i).workbook() + " " + cases.get(i).location(), s);
            tables.evaluate(s, false).tables().forEach(t -> {
                if (!t.matches().isEmpty()) {
                    tablesReached.add(t.table());
                }
            });
        }
        assertThat(compared).isGreaterThan(CorpusSize.of(300, 40));
        if (!CorpusSize.sampled()) {
            Set<String> withNumbers = new TreeSet<>();
            for (DecisionTable t : tables.tables()) {
                if (!t.perSignal() && t.inputs().stream().anyMatch(in -> in.type().isNumeric()
                        && FilledIndicators.role(in.name()) == FilledIndicators.Role.SITUATION)) {
                    withNumbers.add(t.sheet());
                }
            }
            assertThat(tablesReached).containsAll(withNumbers);
        }
    }

    /** Compares each numeric indicator's margins with brute force; returns how many indicators it compared. */
    private static int compareWithBruteForce(String name, Situation s) {
        CheckedSituation checked = tables.check(s);
        assertThat(checked.problems()).as(name).isEmpty();
        Answer now = Answer.of(tables.evaluate(checked, false));
        Margins margins = tables.margins(checked, tables.evaluate(checked, true));
        List<String> numeric = new ArrayList<>();
        s.indicators().forEach((k, v) -> tables.dictionary().find(k).filter(i -> i.type().isNumeric()
                && FilledIndicators.role(k) == FilledIndicators.Role.SITUATION).ifPresent(i -> numeric.add(k)));
        assertThat(margins.indicators()).extracting(IndicatorMargin::indicator).as(name)
                .containsExactlyElementsOf(numeric);
        for (IndicatorMargin m : margins.indicators()) {
            Indicator ind = tables.dictionary().find(m.indicator()).orElseThrow();
            List<BigDecimal> tried = ind.type() == IndicatorType.INTEGER ? wholeValues(ind, m.value())
                    : decimalValues(ind);
            expect(name, s, ind, m.value(), now, tried, true, m.above());
            expect(name, s, ind, m.value(), now, tried, false, m.below());
        }
        return margins.indicators().size();
    }

    /** Finds the nearest tried value past the situation's at which the answer differs, and compares. */
    private static void expect(String name, Situation s, Indicator ind, BigDecimal value, Answer now,
            List<BigDecimal> tried, boolean up, Margin computed) {
        String what = name + " " + ind.name() + "=" + value.toPlainString() + (up ? " above" : " below");
        List<BigDecimal> ahead = new ArrayList<>();
        for (BigDecimal v : tried) {
            if (up ? v.compareTo(value) > 0 : v.compareTo(value) < 0) {
                ahead.add(v);
            }
        }
        if (!up) {
            java.util.Collections.reverse(ahead);
        }
        for (BigDecimal v : ahead) {
            Answer then = answerAt(s, ind.name(), v);
            if (!then.equals(now)) {
                assertThat(computed).as(what + ": the answer changes at " + v.toPlainString() + " to " + then)
                        .isNotNull();
                assertThat(computed.answer()).as(what).isEqualTo(then);
                if (ind.type() == IndicatorType.INTEGER || isBoundary(ind, v)) {
                    assertThat(computed.value()).as(what).isEqualByComparingTo(v);
                    assertThat(computed.beyond()).as(what).isFalse();
                } else {
                    // one small step past a boundary: the answer changes beyond that boundary
                    assertThat(computed.beyond()).as(what).isTrue();
                    assertThat(computed.value()).as(what).isEqualByComparingTo(nearestBoundary(ind, v));
                }
                assertThat(computed.distance()).as(what).isEqualByComparingTo(computed.value().subtract(value).abs());
                return;
            }
        }
        assertThat(computed).as(what + ": no tried value changes the answer").isNull();
    }

    private static Answer answerAt(Situation s, String indicator, BigDecimal v) {
        Map<String, Object> indicators = new LinkedHashMap<>(s.indicators());
        indicators.put(indicator, v);
        return Answer.of(tables.evaluate(new Situation(s.eventType(), s.region(), s.asOf(), indicators,
                s.signals()), false));
    }

    /** Every whole value from the indicator's least (or 0) to past its largest boundary and the situation's value. */
    private static List<BigDecimal> wholeValues(Indicator ind, BigDecimal value) {
        BigDecimal top = value;
        for (BigDecimal b : boundaries(ind)) {
            top = top.max(b);
        }
        long from = ind.min() == null ? 0 : ind.min().longValueExact();
        long to = top.longValue() + PAST_LAST_BOUNDARY;
        if (ind.max() != null) {
            to = Math.min(to, ind.max().longValue());
        }
        List<BigDecimal> out = new ArrayList<>();
        for (long v = from; v <= to; v++) {
            out.add(BigDecimal.valueOf(v));
        }
        return out;
    }

    /** Every boundary and one step either side (a step far finer than any boundary's digits), in range. */
    private static List<BigDecimal> decimalValues(Indicator ind) {
        TreeSet<BigDecimal> out = new TreeSet<>();
        for (BigDecimal b : boundaries(ind)) {
            BigDecimal step = BigDecimal.ONE.movePointLeft(Math.max(b.scale(), 0) + 6);
            for (BigDecimal v : List.of(b.subtract(step), b, b.add(step))) {
                if (ind.inRange(v)) {
                    out.add(v);
                }
            }
        }
        if (ind.max() != null) {
            out.add(ind.max());
        }
        if (ind.min() != null) {
            out.add(ind.min());
        }
        return List.copyOf(out);
    }

    private static boolean isBoundary(Indicator ind, BigDecimal v) {
        return boundaries(ind).stream().anyMatch(b -> b.compareTo(v) == 0);
    }

    private static BigDecimal nearestBoundary(Indicator ind, BigDecimal v) {
        BigDecimal best = null;
        for (BigDecimal b : boundaries(ind)) {
            if (best == null || b.subtract(v).abs().compareTo(best.subtract(v).abs()) < 0) {
                best = b;
            }
        }
        return best;
    }

    /** Every end of every interval any row writes for this indicator, in every table. */
    private static Set<BigDecimal> boundaries(Indicator ind) {
        Set<BigDecimal> out = new LinkedHashSet<>();
        for (DecisionTable t : tables.tables()) {
            for (Rule r : t.rules()) {
                for (Condition c : r.conditions()) {
                    if (c.indicator().name().equals(ind.name()) && c.criterion() instanceof Criterion.Numeric n) {
                        if (n.interval().low() != null) {
                            out.add(n.interval().low());
                        }
                        if (n.interval().high() != null) {
                            out.add(n.interval().high());
                        }
                    }
                }
            }
        }
        return out;
    }

    /** A Tests-sheet row as a situation, or null when it describes a signal (which a situation sends as a series). */
    private static Situation situationOf(TestSheetCase c) {
        Map<String, Object> indicators = new LinkedHashMap<>();
        String eventType = null;
        AdminLevel level = AdminLevel.COUNTY;
        for (Map.Entry<String, Object> e : c.given().entrySet()) {
            String name = e.getKey();
            if (FilledIndicators.role(name) == FilledIndicators.Role.PER_SIGNAL
                    || FilledIndicators.role(name) == FilledIndicators.Role.SIGNAL_COUNT) {
                return null;
            }
            if (name.equals(Indicator.EVENT_TYPE)) {
                eventType = e.getValue().toString();
            } else if (name.equals(Indicator.ADMIN_LEVEL)) {
                level = AdminLevel.parse(e.getValue().toString()).orElse(null);
            } else {
                Indicator ind = tables.dictionary().find(name).orElse(null);
                Object v = e.getValue();
                indicators.put(name, ind != null && ind.type() == IndicatorType.BOOLEAN ? Boolean.valueOf(
                        v.toString()) : v);
            }
        }
        if (eventType == null) {
            // a row of a table for every event type (Capacity) names none: any will do
            eventType = tables.dictionary().find(Indicator.EVENT_TYPE).orElseThrow().values().get(0);
        }
        if (level == null) {
            return null;
        }
        return new Situation(eventType, Region.at("330106", "杭州市西湖区", level), LocalDate.of(2026, 7, 1),
                indicators);
    }
}
