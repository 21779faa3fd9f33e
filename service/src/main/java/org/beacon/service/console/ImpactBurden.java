package org.beacon.service.console;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The weekly alert burden as {@code assets/impact-chart.js} draws it, sent in the chart's {@code data-chart}
 * attribute: the ISO weeks, and per week the warnings (all colours) and the situations graded Ⅳ or above, before and
 * after. The words of the series are in other {@code data-} attributes of the same element.
 */
record ImpactBurden(List<String> weeks, List<Long> warningsBefore, List<Long> warningsAfter, List<Long> gradedBefore,
        List<Long> gradedAfter) {

    static ImpactBurden of(JsonNode weeks) {
        List<String> names = new ArrayList<>();
        List<Long> wb = new ArrayList<>();
        List<Long> wa = new ArrayList<>();
        List<Long> gb = new ArrayList<>();
        List<Long> ga = new ArrayList<>();
        for (JsonNode w : weeks) {
            names.add(w.path("week").asString());
            wb.add(warnings(w.path("before")));
            wa.add(warnings(w.path("after")));
            gb.add(w.path("before").path("graded").asLong());
            ga.add(w.path("after").path("graded").asLong());
        }
        return new ImpactBurden(names, wb, wa, gb, ga);
    }

    private static long warnings(JsonNode b) {
        return b.path("red").asLong() + b.path("orange").asLong() + b.path("yellow").asLong() + b.path("blue").asLong();
    }
}
