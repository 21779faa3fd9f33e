package org.beacon.service.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.RiskLevel;
import org.beacon.rules.model.WarningColour;
import tools.jackson.databind.JsonNode;

/**
 * A finished impact run's report ({@code GET /rule-sets/{id}/impact/{run}}'s {@code report}) as its page shows it:
 * per output a matrix of counts, old value in rows and new value in columns; the moves with their example
 * evaluations; the rows that gained or lost situations; and the weekly burden for the chart. Values that are grades,
 * colours or risk levels are parsed, so the page writes each with its word as every other page does.
 */
record ImpactView(String before, String after, long situations, long decided, long changed, long becameInvalid,
        List<Matrix> matrices, List<Move> moves, List<RowChange> rows, ImpactBurden burden) {

    /** One value of an output: a grade, a colour, a risk level, {@code none}, or a text (a reporting duty). */
    record Value(String text, Grade grade, WarningColour colour, RiskLevel risk) {

        public boolean none() {
            return "none".equals(text);
        }

        /** Most serious first, then texts in order, "none" last: a matrix reads from the top left. */
        int rank() {
            if (none()) {
                return Integer.MAX_VALUE;
            }
            return grade != null ? grade.ordinal() : colour != null ? colour.ordinal() : risk != null ? risk.ordinal()
                    : 1000;
        }
    }

    /** @param counts per row ({@code from}) the count in each column ({@code to}); 0 where nothing moved so */
    record Matrix(String name, List<Value> to, List<Line> lines) {
    }

    record Line(Value from, List<Long> counts) {
    }

    record Move(String name, Value from, Value to, long count, List<String> examples) {
    }

    record RowChange(String table, String row, long gained, long lost, List<String> examples) {
    }

    static ImpactView of(JsonNode r) {
        List<Matrix> matrices = new ArrayList<>();
        List<Move> moves = new ArrayList<>();
        for (JsonNode d : r.path("transitions")) {
            String name = d.path("name").asString();
            Function<String, Value> value = text -> value(name, text);
            Comparator<Value> order = Comparator.comparingInt(Value::rank).thenComparing(Value::text);
            TreeSet<Value> from = new TreeSet<>(order);
            TreeSet<Value> to = new TreeSet<>(order);
            Map<List<String>, Long> counts = new LinkedHashMap<>();
            for (JsonNode t : d.path("transitions")) {
                Value f = value.apply(t.path("from").asString());
                Value n = value.apply(t.path("to").asString());
                from.add(f);
                to.add(n);
                counts.merge(List.of(f.text(), n.text()), t.path("count").asLong(), Long::sum);
                if (!f.text().equals(n.text())) {
                    moves.add(new Move(name, f, n, t.path("count").asLong(), strings(t.path("examples"))));
                }
            }
            if (from.isEmpty()) {
                continue;
            }
            List<Line> lines = from.stream().map(f -> new Line(f, to.stream()
                    .map(n -> counts.getOrDefault(List.of(f.text(), n.text()), 0L)).toList())).toList();
            matrices.add(new Matrix(name, List.copyOf(to), lines));
        }
        List<RowChange> rows = new ArrayList<>();
        for (JsonNode c : r.path("rows")) {
            List<String> examples = new ArrayList<>(strings(c.path("gainedExamples")));
            examples.addAll(strings(c.path("lostExamples")));
            rows.add(new RowChange(c.path("table").asString(), c.path("row").asString(), c.path("gained").asLong(),
                    c.path("lost").asLong(), examples));
        }
        return new ImpactView(r.path("before").asString(), r.path("after").asString(), r.path("situations").asLong(),
                r.path("decided").asLong(), r.path("changed").asLong(), r.path("becameInvalid").asLong(), matrices,
                moves, rows, ImpactBurden.of(r.path("weeks")));
    }

    private static Value value(String dimension, String text) {
        return switch (dimension) {
            case "grade", "level" -> new Value(text, Grade.parse(text).orElse(null), null, null);
            case "colour" -> new Value(text, null, WarningColour.parse(text).orElse(null), null);
            case "riskLevel" -> new Value(text, null, null, RiskLevel.parse(text).orElse(null));
            default -> new Value(text, null, null, null);
        };
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
