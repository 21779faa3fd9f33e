package org.beacon.service.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * A finished calibration's summary ({@code GET /calibrations/{id}}'s {@code summary}) as its page shows it: the
 * ranked combinations, the cells to type into the Parameters sheet for the best one, and a heat map of the first two
 * parameters varied: for each pair of their values the best score of the combinations holding it (lower is better,
 * as every objective scores), shaded from the best (darkest) to the worst.
 *
 * @param heat null when fewer than two parameters were varied
 */
record CalibrationView(String objective, String objectiveMeaning, List<String> parameters, List<Ranked> ranked,
        List<Cell> toType, Heat heat) {

    /** The combinations a page lists; the rest are in the downloads. */
    static final int RANKED_SHOWN = 50;

    /** @param score null when the tables did not compile with these values */
    record Ranked(int rank, List<String> values, Double score, Double agreementPercent, String problem) {
    }

    record Cell(String parameter, String cell, String value, String today) {
    }

    /** @param rows per value of the first parameter (rows), the cell for each value of the second (columns) */
    record Heat(String rowParameter, String columnParameter, List<String> columns, List<HeatRow> rows) {
    }

    record HeatRow(String value, List<HeatCell> cells) {
    }

    /** @param shade 0 (the worst score) to 4 (the best), null where no combination scored */
    record HeatCell(Double score, Integer shade) {
    }

    static CalibrationView of(JsonNode s) {
        List<String> parameters = strings(s.path("parameters"));
        List<Ranked> ranked = new ArrayList<>();
        for (JsonNode c : s.path("ranked")) {
            if (ranked.size() == RANKED_SHOWN) {
                break;
            }
            JsonNode fit = c.path("fit");
            ranked.add(new Ranked(c.path("rank").asInt(), parameters.stream().map(p -> plain(c.path("parameters")
                    .path(p))).toList(), number(c.path("score")), fit.isObject() ? Math.round(fit.path("agreement")
                    .asDouble() * 1000) / 10.0 : null, c.path("problem").isNull() ? null
                    : c.path("problem").asString(null)));
        }
        List<Cell> cells = new ArrayList<>();
        for (JsonNode c : s.path("toType")) {
            cells.add(new Cell(c.path("parameter").asString(), c.path("cell").asString(), c.path("value").asString(),
                    c.path("today").isNull() ? null : c.path("today").asString(null)));
        }
        return new CalibrationView(s.path("objective").asString(), s.path("objectiveMeaning").asString(null),
                parameters, ranked, cells, parameters.size() < 2 ? null : heat(s.path("ranked"), parameters.get(0),
                        parameters.get(1)));
    }

    private static Heat heat(JsonNode all, String rowName, String columnName) {
        TreeSet<java.math.BigDecimal> rowValues = new TreeSet<>();
        TreeSet<java.math.BigDecimal> columnValues = new TreeSet<>();
        Map<List<java.math.BigDecimal>, Double> best = new LinkedHashMap<>();
        for (JsonNode c : all) {
            java.math.BigDecimal r = c.path("parameters").path(rowName).decimalValue();
            java.math.BigDecimal k = c.path("parameters").path(columnName).decimalValue();
            rowValues.add(r);
            columnValues.add(k);
            Double score = number(c.path("score"));
            if (score != null) {
                best.merge(List.of(r, k), score, Math::min);
            }
        }
        double min = best.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = best.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        List<HeatRow> rows = new ArrayList<>();
        for (java.math.BigDecimal r : rowValues) {
            List<HeatCell> line = new ArrayList<>();
            for (java.math.BigDecimal k : columnValues) {
                Double score = best.get(List.of(r, k));
                line.add(new HeatCell(score, score == null ? null : max == min ? 4
                        : (int) Math.round(4 * (max - score) / (max - min))));
            }
            rows.add(new HeatRow(r.stripTrailingZeros().toPlainString(), line));
        }
        return new Heat(rowName, columnName, columnValues.stream().map(v -> v.stripTrailingZeros().toPlainString())
                .toList(), rows);
    }

    private static String plain(JsonNode n) {
        return n.isNumber() ? n.decimalValue().stripTrailingZeros().toPlainString() : n.asString("");
    }

    private static Double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
