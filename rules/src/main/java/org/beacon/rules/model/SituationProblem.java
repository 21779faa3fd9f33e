package org.beacon.rules.model;

/**
 * Why a situation cannot be evaluated.
 *
 * @param pointer JSON pointer to the offending field, e.g. {@code /indicators/weeklyCases}
 * @param message what is wrong, naming the valid values where there are few
 * @param listing the long list the message ends with ({@code valid indicators: cases, deaths, …}), or null: an
 *     answer holding many problems gives each listing once and points at it from the others ({@link #listedAt})
 */
public record SituationProblem(String pointer, String message, String listing) {

    public SituationProblem(String pointer, String message) {
        this(pointer, message, null);
    }

    /** A problem whose message ends with {@code "; " + listing}. */
    public static SituationProblem listing(String pointer, String message, String listing) {
        return new SituationProblem(pointer, message + "; " + listing, listing);
    }

    /** This problem with its listing replaced by a reference to {@code where}, the pointer that already gives it. */
    public SituationProblem listedAt(String where) {
        if (listing == null) {
            return this;
        }
        return new SituationProblem(pointer, message.substring(0, message.length() - listing.length() - 2)
                + "; the valid ones are listed at " + where, null);
    }
}
