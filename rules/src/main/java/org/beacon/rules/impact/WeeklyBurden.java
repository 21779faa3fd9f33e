package org.beacon.rules.impact;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.beacon.rules.decision.Decision;
import org.beacon.rules.impact.ImpactReport.Burden;
import org.beacon.rules.impact.ImpactReport.WeekBurden;
import org.beacon.rules.model.WarningColour;

/** Warnings of each colour and graded situations per ISO week, before and after: one small array a week. */
final class WeeklyBurden {

    private static final int GRADED = WarningColour.values().length;
    private static final int SIDE = GRADED + 1;

    private final Map<String, long[]> weeks = new TreeMap<>();

    void add(LocalDate date, Decision before, Decision after) {
        long[] week = weeks.computeIfAbsent(week(date), w -> new long[2 * SIDE]);
        count(week, 0, before);
        count(week, SIDE, after);
    }

    private static void count(long[] week, int side, Decision d) {
        if (d.colour() != null) {
            week[side + d.colour().ordinal()]++;
        }
        if (d.grade() != null) {
            week[side + GRADED]++;
        }
    }

    /** {@code 2026-W07}; ISO weeks sort as text, week-based year first. */
    static String week(LocalDate date) {
        if (date == null) {
            return "undated";
        }
        return String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR),
                date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    List<WeekBurden> weeks() {
        List<WeekBurden> all = new ArrayList<>(weeks.size());
        weeks.forEach((w, c) -> all.add(new WeekBurden(w, burden(c, 0), burden(c, SIDE))));
        return all;
    }

    private static Burden burden(long[] c, int side) {
        return new Burden(c[side + WarningColour.RED.ordinal()], c[side + WarningColour.ORANGE.ordinal()],
                c[side + WarningColour.YELLOW.ordinal()], c[side + WarningColour.BLUE.ordinal()], c[side + GRADED]);
    }
}
