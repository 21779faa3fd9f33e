package org.beacon.service.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.beacon.rules.model.Grade;
import org.beacon.service.replay.ReplayViews;

/**
 * One region's chart as {@code assets/replay-chart.js} draws it, sent in the chart's {@code data-chart} attribute:
 * the dates, the indicators (right axis) and each level as a number, Ⅰ=4 … Ⅳ=1 and no response 0 (left axis, as
 * in the report's charts), so a higher step is a more serious level. The page's words for the series are in other
 * {@code data-} attributes of the same element.
 *
 * @param arms each arm's label (null for the only arm) and levels
 * @param actual the actual levels, or null without actual decisions
 */
record ReplayChart(List<String> dates, Map<String, List<Double>> indicators, List<Line> arms, List<Integer> actual) {

    record Line(String label, List<Integer> levels) {
    }

    static ReplayChart of(ReplayViews.Series s) {
        List<Line> arms = new ArrayList<>();
        for (ReplayViews.ArmLevels a : s.arms()) {
            arms.add(new Line(a.arm(), numbers(a.levels())));
        }
        return new ReplayChart(s.dates(), s.indicators(), arms, s.actual() == null ? null : numbers(s.actual()));
    }

    private static List<Integer> numbers(List<String> levels) {
        return levels.stream().map(l -> Grade.parse(l).map(g -> Grade.values().length - g.ordinal()).orElse(0))
                .toList();
    }
}
