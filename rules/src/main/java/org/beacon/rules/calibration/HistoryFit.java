package org.beacon.rules.calibration;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.beacon.rules.model.Grade;
import org.beacon.rules.replay.ReplayResult.ActualCheck;
import org.beacon.rules.replay.ReplayResult.Summary;
import org.beacon.rules.replay.ReplayResult.Transition;
import org.beacon.rules.replay.Timeline;

/**
 * How well one replay matched what officials actually decided, and what it would have cost in alerts.
 *
 * @param actualChanges the actual decisions compared
 * @param meanAbsoluteLag mean of |recommended − actual| in days over the decisions the tables recommended too
 * @param maxAbsoluteLag the largest |lag| among them, 0 when none
 * @param neverRecommended actual decisions the tables never recommended
 * @param agreement share of region-steps whose recommended level equals the actual one
 * @param levelChanges every change of recommended level (raises, lowerings, ends): flapping shows here
 * @param warningsPerRegionYear activations and raises (each an alert to the regions' CDCs) per region-year replayed
 * @param lateEscalations actual raises or activations the tables recommended later, or never
 * @param weightedLag the default objective: mean weighted lag in days, see {@link Objective#WEIGHTED}
 * @param missedLag the {@code lag} objective: mean |lag| in days with a decision never recommended counted as if
 *     recommended the day after the timeline ends
 */
public record HistoryFit(int actualChanges, double meanAbsoluteLag, long maxAbsoluteLag, int neverRecommended,
        double agreement, int levelChanges, double warningsPerRegionYear, int lateEscalations, double weightedLag,
        double missedLag) {

    /** A late escalation weighs this many times a day early, or any day of a step-down or end off its date. */
    public static final int LATE_ESCALATION_WEIGHT = 3;

    public static HistoryFit of(Summary s) {
        int changes = 0;
        int never = 0;
        int late = 0;
        long sumAbs = 0;
        int matched = 0;
        long max = 0;
        double weighted = 0;
        long missed = 0;
        if (s.actual() != null) {
            for (ActualCheck c : s.actual().transitions()) {
                changes++;
                boolean escalation = isEscalation(c.from(), c.to());
                long lag = lag(c, s.last());
                missed += Math.abs(lag);
                if (c.lagDays() == null) {
                    never++;
                } else {
                    matched++;
                    sumAbs += Math.abs(lag);
                    max = Math.max(max, Math.abs(lag));
                }
                if (escalation && (c.lagDays() == null || lag > 0)) {
                    late++;
                }
                weighted += escalation && lag > 0 ? LATE_ESCALATION_WEIGHT * lag : Math.abs(lag);
            }
        }
        int raises = 0;
        for (Transition t : s.transitions()) {
            if (t.kind().equals("activate") || t.kind().equals("raise")) {
                raises++;
            }
        }
        double regionYears = s.steps() / (s.step() == Timeline.Step.DAY ? 365.25 : 12.0);
        return new HistoryFit(changes, matched == 0 ? 0 : (double) sumAbs / matched, max, never,
                s.actual() == null ? 0 : s.actual().agreement(), s.transitions().size(),
                regionYears == 0 ? 0 : raises / regionYears, late, changes == 0 ? 0 : weighted / changes,
                changes == 0 ? 0 : (double) missed / changes);
    }

    /**
     * The lag the objectives count: the recommended date minus the actual one, or, for a decision never
     * recommended, as if recommended the day after the timeline ends (late by every day the replay covered).
     */
    private static long lag(ActualCheck c, LocalDate end) {
        return c.lagDays() != null ? c.lagDays() : ChronoUnit.DAYS.between(c.date(), end) + 1;
    }

    private static boolean isEscalation(Grade from, Grade to) {
        return to != null && (from == null || to.isMoreSeriousThan(from));
    }
}
