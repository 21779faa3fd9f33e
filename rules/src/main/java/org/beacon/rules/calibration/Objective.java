package org.beacon.rules.calibration;

import java.util.Locale;

/**
 * What "best" means when ranking combinations; each gives a score where lower is better, ties broken by agreement.
 */
public enum Objective {

    /**
     * The default: the mean over the actual decisions of the days between the tables' recommendation and the
     * decision, a late escalation (or activation) weighing {@value HistoryFit#LATE_ESCALATION_WEIGHT}× a day, an
     * early one, and a step-down or end early or late, 1× a day; a decision never recommended counts as recommended
     * the day after the timeline ends. Raising late leaves an outbreak unanswered; lowering early can be undone.
     */
    WEIGHTED("weighted", "mean weighted lag (days)"),
    /** The share of region-steps at the actual level, highest first. */
    AGREEMENT("agreement", "1 − agreement"),
    /** The mean |lag| in days, early and late alike, a decision never recommended counted as in {@link #WEIGHTED}. */
    LAG("lag", "mean |lag| (days)");

    private final String code;
    private final String meaning;

    Objective(String code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public String code() {
        return code;
    }

    /** What the score measures, for a report's header. */
    public String meaning() {
        return meaning;
    }

    public double score(HistoryFit fit) {
        return switch (this) {
            case WEIGHTED -> fit.weightedLag();
            case AGREEMENT -> 1 - fit.agreement();
            case LAG -> fit.missedLag();
        };
    }

    /** @throws RefusedSweepException naming the objectives there are */
    public static Objective parse(String text) {
        for (Objective o : values()) {
            if (o.code.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return o;
            }
        }
        throw new RefusedSweepException("objective", "--objective", "weighted, agreement", "lag", text);
    }
}
