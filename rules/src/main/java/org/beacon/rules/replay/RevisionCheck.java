package org.beacon.rules.replay;

import java.time.LocalDate;
import java.util.List;
import org.beacon.rules.model.Message;

/**
 * Flags days whose increase of a running total is far above the recent ones: a re-count or a reclassification
 * added at once (Hubei's +325 of April 2020) looks like an outbreak to the tables. Only flagged, never changed:
 * the reviewer confirms it with a file of known revisions ({@link KnownRevisions}).
 */
final class RevisionCheck {

    /** An increase at least this many times the largest of the days before it is suspicious… */
    static final int MULTIPLE = 10;
    /** …when it is at least this large (a handful of cases after quiet days is an outbreak, not a re-count)… */
    static final int MIN_INCREASE = 50;
    /** …against the largest increase of this many days before it, of which at least half must be known. */
    static final int RECENT_DAYS = 14;

    private RevisionCheck() {
    }

    /** Adds a {@code POSSIBLE_REVISION} warning for each such day of a daily running total. */
    static void flag(String region, String column, LocalDate start, double[] totals, List<DataIssue> warnings) {
        for (int i = 1; i < totals.length; i++) {
            double increase = increase(totals, i);
            if (Double.isNaN(increase) || increase < MIN_INCREASE) {
                continue;
            }
            double recent = 0;
            int known = 0;
            for (int k = Math.max(1, i - RECENT_DAYS); k < i; k++) {
                double d = increase(totals, k);
                if (!Double.isNaN(d)) {
                    recent = Math.max(recent, d);
                    known++;
                }
            }
            if (known >= RECENT_DAYS / 2 && increase >= MULTIPLE * recent) {
                warnings.add(DataIssue.warning(region + " " + start.plusDays(i), recent == 0
                        ? Message.of("replay.POSSIBLE_REVISION.afterNone", column, TimelineCsv.fmt(increase), known)
                        : Message.of("replay.POSSIBLE_REVISION", column, TimelineCsv.fmt(increase), MULTIPLE, known,
                                TimelineCsv.fmt(recent))));
            }
        }
    }

    private static double increase(double[] totals, int i) {
        return Double.isNaN(totals[i]) || Double.isNaN(totals[i - 1]) ? Double.NaN : totals[i] - totals[i - 1];
    }
}
