package org.beacon.service.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.beacon.rules.model.Grade;

/**
 * A region's timeline drawn on the server as SVG: time across, grade down (Ⅰ at the top, no grade at the bottom), one
 * point per decision in its warning colour, joined by a step line. Coordinates are in the SVG's own units.
 */
record Timeline(int width, int height, List<Lane> lanes, List<Point> points, String path, String firstLabel,
        String lastLabel) {

    static final int WIDTH = 960;
    static final int LEFT = 150;
    static final int RIGHT = 24;
    static final int TOP = 20;
    static final int LANE = 36;

    /** A horizontal lane: a grade (null for "no grade") at height {@code y}. */
    record Lane(Grade grade, int y) {
    }

    /** One decision: where it is drawn and which decision it links to. */
    record Point(double x, double y, AuditRow row) {
    }

    static Timeline of(List<AuditRow> oldestFirst) {
        List<Lane> lanes = new ArrayList<>();
        Grade[] grades = Grade.values();
        for (int i = 0; i < grades.length; i++) {
            lanes.add(new Lane(grades[i], TOP + i * LANE));
        }
        lanes.add(new Lane(null, TOP + grades.length * LANE));
        int height = TOP + grades.length * LANE + 40;
        List<Point> points = new ArrayList<>();
        StringBuilder path = new StringBuilder();
        if (!oldestFirst.isEmpty()) {
            long first = oldestFirst.get(0).instant().toEpochMilli();
            long last = oldestFirst.get(oldestFirst.size() - 1).instant().toEpochMilli();
            double span = Math.max(1, last - first);
            double usable = WIDTH - LEFT - RIGHT;
            for (AuditRow r : oldestFirst) {
                double x = oldestFirst.size() == 1 ? LEFT + usable / 2
                        : LEFT + usable * (r.instant().toEpochMilli() - first) / span;
                double y = TOP + (r.grade() == null ? grades.length : r.grade().ordinal()) * LANE;
                if (points.isEmpty()) {
                    path.append(String.format(Locale.ROOT, "M%.1f %.1f", x, y));
                } else {
                    path.append(String.format(Locale.ROOT, " H%.1f V%.1f", x, y));
                }
                points.add(new Point(Math.round(x * 10) / 10.0, y, r));
            }
        }
        String firstLabel = oldestFirst.isEmpty() ? "" : oldestFirst.get(0).at().toLocalDate().toString();
        String lastLabel = oldestFirst.isEmpty() ? ""
                : oldestFirst.get(oldestFirst.size() - 1).at().toLocalDate().toString();
        return new Timeline(WIDTH, height, lanes, points, path.toString(), firstLabel, lastLabel);
    }
}
