package org.beacon.rules.replay;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a replay is given, read and checked: the timeline, read with its options, and the actual decisions to
 * compare with, if any. The one reading of replay inputs, for a file on disk (the command line) and an upload (the
 * service) alike: both files are read before anything is refused, so every error of both is reported at once.
 *
 * @param actual the actual decisions, or null when none were given
 */
public record ReplayInput(Timeline timeline, ActualLevels actual) {

    /**
     * Reads a timeline and, when {@code actual} is not null, the actual decisions.
     *
     * @param timelineName the name issues locate the timeline by ({@code timeline.csv:12})
     * @param actual the actual decisions' text, or null
     * @param actualName the name issues locate them by; unused without {@code actual}
     * @throws ReplayInputException with every error of both files, the timeline's first; nothing is returned
     *     half-read
     */
    public static ReplayInput read(Reader timeline, String timelineName, TimelineCsv.Options options, Reader actual,
            String actualName) {
        return read(timeline, timelineName, options, actual, actualName, null, null);
    }

    /**
     * As {@link #read(Reader, String, TimelineCsv.Options, Reader, String)}, with known revisions excluded from the
     * timeline's counts ({@link KnownRevisions}) when {@code revisions} is not null.
     */
    public static ReplayInput read(Reader timeline, String timelineName, TimelineCsv.Options options, Reader actual,
            String actualName, Reader revisions, String revisionsName) {
        List<DataIssue> errors = new ArrayList<>();
        Timeline read = orErrors(() -> TimelineCsv.read(timeline, timelineName, options), errors);
        ActualLevels a = actual == null ? null : orErrors(() -> ActualLevels.read(actual, actualName), errors);
        KnownRevisions known = revisions == null ? null
                : orErrors(() -> KnownRevisions.read(revisions, revisionsName), errors);
        Timeline t = known == null || read == null ? read
                : orErrors(() -> known.applyTo(read, revisionsName), errors);
        if (!errors.isEmpty()) {
            throw new ReplayInputException(errors);
        }
        return new ReplayInput(t, a);
    }

    /** What {@code read} returns; or null, its errors added to {@code errors}, so every file's are reported. */
    private static <T> T orErrors(Supplier<T> read, List<DataIssue> errors) {
        try {
            return read.get();
        } catch (ReplayInputException e) {
            errors.addAll(e.issues());
            return null;
        }
    }
}
