package org.beacon.rules.analysis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.beacon.rules.model.CellRef;
import org.beacon.rules.model.Condition;
import org.beacon.rules.model.Criterion;
import org.beacon.rules.model.DecisionTable;
import org.beacon.rules.model.Findings;
import org.beacon.rules.model.HitPolicy;
import org.beacon.rules.model.Indicator;
import org.beacon.rules.model.IndicatorType;
import org.beacon.rules.model.Message;
import org.beacon.rules.model.Rule;
import org.beacon.rules.model.RuleSetModel;

/**
 * Finds, per table, the input combinations no row matches (gaps), rows that share inputs under first match
 * (overlaps), and rows that can never be the answer. Works on representative values: every boundary a row uses,
 * one value between each pair of boundaries and one beyond each end, within the dictionary's range. That set is
 * exact for interval conditions, so a gap reported is a real input and a gap missed is impossible within the budget.
 * Tables too large for the budget are skipped with an info diagnostic. Thread-safe: holds no state between calls.
 */
public final class TableAnalyzer {

    /** Combinations × rows checked per table before the analysis gives up. */
    public static final long DEFAULT_BUDGET = 20_000_000L;

    private static final int MAX_EXAMPLES = 3;
    private static final int MAX_OVERLAPS = 10;
    private static final String OTHER_TEXT = "\u0000other";
    /**
     * A value the situation does not give, one more sample of an input when a row answers without it (any, or
     * missing): so a row that fires only when a value is missing is not called dead. Last among the samples, so the
     * examples of gaps and overlaps are those of given values first.
     */
    private static final Object MISSING = new Object();

    private final long budget;

    public TableAnalyzer(long budget) {
        this.budget = budget;
    }

    public void analyze(RuleSetModel model, Findings findings) {
        for (DecisionTable table : model.tables()) {
            analyze(table, findings.forWorkbook(table.workbook()));
        }
    }

    private void analyze(DecisionTable table, Findings findings) {
        RangeHoles.report(table, findings);
        if (table.rules().isEmpty()) {
            findings.warning(table.sheet(), Message.of("ROW_NEVER_FIRES.noRows", table.sheet()));
            return;
        }
        List<Indicator> dims = new ArrayList<>(new LinkedHashSet<>(table.inputs()));
        List<List<Object>> samples = samplesWithinBudget(dims, table);
        if (samples == null) {
            findings.info(table.sheet(), Message.of("ANALYSIS_SKIPPED", table.sheet()));
            return;
        }
        Map<String, Object> eventScope = scopeValue(table);
        RowMasks masks = new RowMasks(table.rules(), dims, samples, MISSING, eventScope);
        Coverage coverage = new Coverage(table, dims, masks.words());
        int[] odometer = new int[dims.size()];
        long[] matching = new long[masks.words()];
        do {
            masks.matching(odometer, matching);
            coverage.visit(matching, anyMissing(samples, odometer), masks,
                    () -> values(dims, samples, odometer, eventScope));
        } while (advance(odometer, samples));
        coverage.report(findings);
    }

    private static boolean anyMissing(List<List<Object>> samples, int[] odometer) {
        for (int d = 0; d < odometer.length; d++) {
            if (samples.get(d).get(odometer[d]) == MISSING) {
                return true;
            }
        }
        return false;
    }

    /** The values of one combination by indicator name, a missing one as null: for the examples a finding shows. */
    private static Map<String, Object> values(List<Indicator> dims, List<List<Object>> samples, int[] odometer,
            Map<String, Object> eventScope) {
        Map<String, Object> values = new HashMap<>(eventScope);
        for (int d = 0; d < dims.size(); d++) {
            Object sample = samples.get(d).get(odometer[d]);
            values.put(dims.get(d).name(), sample == MISSING ? null : sample);
        }
        return values;
    }

    /** Each input's representative values, or null when checking them all against every row exceeds the budget. */
    private List<List<Object>> samplesWithinBudget(List<Indicator> dims, DecisionTable table) {
        List<List<Object>> samples = new ArrayList<>();
        long combinations = 1;
        for (Indicator ind : dims) {
            List<Object> s = samples(ind, table);
            samples.add(s);
            combinations = Math.multiplyExact(combinations, Math.max(1, s.size()));
            if (combinations > budget) {
                break;
            }
        }
        return combinations > budget || combinations * table.rules().size() > budget ? null : samples;
    }

    /** What the combinations visited so far show of one table: its gaps, overlaps and rows that never answer. */
    private static final class Coverage {
        private final DecisionTable table;
        private final List<Indicator> dims;
        /** Rows by identity: a row's record hash walks all its cells, and this set is asked once a combination. */
        private final Set<Rule> winners = Collections.newSetFromMap(new IdentityHashMap<>());
        private final long[] matchedAtAll;
        private final Map<String, Overlap> overlaps = new LinkedHashMap<>();
        private final List<String> gaps = new ArrayList<>();
        private long gapCount;
        /** Under {@code Missing: covered}: per indicator, the combinations no row answers with it missing. */
        private final Map<String, MissingGap> missingGaps = new LinkedHashMap<>();

        Coverage(DecisionTable table, List<Indicator> dims, int words) {
            this.table = table;
            this.dims = dims;
            this.matchedAtAll = new long[words];
        }

        /** One combination: the rows matching it, and its values by name, built only when a finding shows them. */
        void visit(long[] matchingRows, boolean anyMissing, RowMasks masks,
                Supplier<Map<String, Object>> combination) {
            for (int w = 0; w < matchedAtAll.length; w++) {
                matchedAtAll[w] |= matchingRows[w];
            }
            if (RowMasks.isEmpty(matchingRows)) {
                visitUnmatched(anyMissing, combination);
                return;
            }
            List<Rule> matching = masks.rows(matchingRows);
            winners.addAll(table.select(matching));
            if (table.hitPolicy() == HitPolicy.FIRST_MATCH && matching.size() > 1) {
                Map<String, Object> values = null;
                Rule first = matching.get(0);
                for (Rule other : matching.subList(1, matching.size())) {
                    String key = first.row() + "/" + other.row();
                    if (!overlaps.containsKey(key) && overlaps.size() < MAX_OVERLAPS) {
                        values = values != null ? values : combination.get();
                        overlaps.put(key, new Overlap(other.id(), Message.of("ROWS_OVERLAP", first.row(), other.row(),
                                describe(dims, values))));
                    }
                }
            }
        }

        private void visitUnmatched(boolean anyMissing, Supplier<Map<String, Object>> combination) {
            if (anyMissing) {
                // a table need not cover a missing value (without it, no row answers) unless it says so
                if (table.missingCovered()) {
                    Map<String, Object> values = combination.get();
                    for (Indicator ind : dims) {
                        if (values.get(ind.name()) == null) {
                            missingGaps.computeIfAbsent(ind.name(), n -> new MissingGap(describe(dims, values)))
                                    .count++;
                        }
                    }
                }
                return;
            }
            if (gapCount++ < MAX_EXAMPLES) {
                gaps.add(describe(dims, combination.get()));
            }
        }

        void report(Findings findings) {
            if (gapCount > 0) {
                Message.Joined examples = Message.joined("separator.clauses", gaps);
                Message noRow = gapCount == 1 ? Message.of("phrase.gapOne", table.sheet(), examples)
                        : Message.of("phrase.gapMany", table.sheet(), gapCount, examples);
                String header = CellRef.row(table.sheet(), table.headerRow());
                if (table.gapsExpected()) {
                    findings.info(header, Message.of("TABLE_GAP.expected", noRow));
                } else {
                    findings.warning(header, Message.of("TABLE_GAP.reported", noRow));
                }
            }
            missingGaps.forEach((name, gap) -> findings.warning(table.missingCoveredCell(), Message.of(
                    "MISSING_NOT_COVERED", table.sheet(), name, gap.count, gap.example)));
            for (Overlap o : overlaps.values()) {
                if (table.overlapsExpected()) {
                    findings.info(o.ruleId(), Message.of("ROWS_OVERLAP.expected", o.text()));
                } else {
                    findings.warning(o.ruleId(), o.text());
                }
            }
            for (int i = 0; i < table.rules().size(); i++) {
                Rule r = table.rules().get(i);
                if ((matchedAtAll[i >>> 6] & 1L << i) == 0) {
                    findings.warning(r.id(), Message.of("ROW_NEVER_FIRES.outsideRanges", r.row()));
                } else if (!winners.contains(r)) {
                    findings.warning(r.id(), table.rankedBy() != null
                            ? Message.of("ROW_NEVER_FIRES.higherValue", r.row(), table.rankedBy().name())
                            : Message.of(table.hitPolicy() == HitPolicy.FIRST_MATCH
                                    ? "ROW_NEVER_FIRES.upperRow" : "ROW_NEVER_FIRES.higherGrade", r.row()));
                }
            }
        }
    }

    private static Map<String, Object> scopeValue(DecisionTable table) {
        // A table limited to event types is only ever asked about those; the first stands for all when
        // eventType is not one of its columns.
        if (table.eventTypes().isEmpty() || table.inputs().stream().anyMatch(i -> i.name().equals(
                Indicator.EVENT_TYPE))) {
            return Map.of();
        }
        return Map.of(Indicator.EVENT_TYPE, table.eventTypes().get(0));
    }

    private static boolean advance(int[] odometer, List<List<Object>> samples) {
        for (int d = odometer.length - 1; d >= 0; d--) {
            if (++odometer[d] < samples.get(d).size()) {
                return true;
            }
            odometer[d] = 0;
        }
        return false;
    }

    /** Representative values of one indicator for this table. */
    private static List<Object> samples(Indicator ind, DecisionTable table) {
        List<Object> out = new ArrayList<>();
        switch (ind.type()) {
            case ENUM -> {
                if (ind.name().equals(Indicator.EVENT_TYPE) && !table.eventTypes().isEmpty()) {
                    out.addAll(table.eventTypes());
                } else {
                    out.addAll(ind.values());
                }
            }
            case BOOLEAN -> {
                out.add("false");
                out.add("true");
            }
            case TEXT -> {
                TreeSet<String> texts = new TreeSet<>();
                for (Rule r : table.rules()) {
                    for (Condition c : r.conditions()) {
                        if (c.indicator().equals(ind) && c.criterion() instanceof Criterion.Symbols s) {
                            texts.addAll(s.values());
                        }
                    }
                }
                out.addAll(texts);
                out.add(OTHER_TEXT);
            }
            default -> out.addAll(numericSamples(ind, table));
        }
        // Missing: covered makes missing a value of every tested indicator but the event type, which a situation
        // always gives when the rule set declares it; a region's level is optional, so it counts too
        if (table.missingCovered() ? !ind.name().equals(Indicator.EVENT_TYPE)
                : !ind.name().equals(Indicator.EVENT_TYPE) && !ind.name().equals(Indicator.ADMIN_LEVEL)
                        && table.rules().stream().anyMatch(r -> r.conditions().stream()
                                .anyMatch(c -> c.indicator().equals(ind) && c.acceptsMissing()))) {
            out.add(MISSING);
        }
        return out;
    }

    private static List<BigDecimal> numericSamples(Indicator ind, DecisionTable table) {
        TreeSet<BigDecimal> bounds = new TreeSet<>();
        for (Rule r : table.rules()) {
            for (Condition c : r.conditions()) {
                if (c.indicator().equals(ind) && c.criterion() instanceof Criterion.Numeric n) {
                    if (n.interval().low() != null) {
                        bounds.add(n.interval().low());
                    }
                    if (n.interval().high() != null) {
                        bounds.add(n.interval().high());
                    }
                }
            }
        }
        if (ind.min() != null) {
            bounds.add(ind.min());
        }
        if (ind.max() != null) {
            bounds.add(ind.max());
        }
        if (bounds.isEmpty()) {
            return List.of(BigDecimal.ZERO);
        }
        boolean integer = ind.type() == IndicatorType.INTEGER;
        TreeSet<BigDecimal> out = new TreeSet<>(bounds);
        out.add(bounds.first().subtract(BigDecimal.ONE));
        out.add(bounds.last().add(BigDecimal.ONE));
        BigDecimal previous = null;
        for (BigDecimal b : bounds) {
            if (previous != null) {
                BigDecimal between = integer ? previous.add(BigDecimal.ONE)
                        : previous.add(b).divide(BigDecimal.valueOf(2));
                if (between.compareTo(b) < 0) {
                    out.add(between);
                }
            }
            previous = b;
        }
        return out.stream().filter(ind::inRange).filter(n -> !integer || n.stripTrailingZeros().scale() <= 0)
                .toList();
    }

    /** The combinations no row answers with one indicator missing: how many, and the first as an example. */
    private static final class MissingGap {
        private final String example;
        private long count;

        MissingGap(String example) {
            this.example = example;
        }
    }

    /** Two rows that both match a combination of values: reported at the lower one. */
    private record Overlap(String ruleId, Message text) {
    }

    private static String describe(List<Indicator> dims, Map<String, Object> values) {
        List<String> parts = new ArrayList<>();
        for (Indicator ind : dims) {
            Object v = values.get(ind.name());
            String shown = v == null ? "missing" : v instanceof BigDecimal n ? n.toPlainString()
                    : OTHER_TEXT.equals(v) ? "(any other text)" : String.valueOf(v);
            parts.add(ind.name() + " = " + shown);
        }
        return String.join(", ", parts);
    }
}
