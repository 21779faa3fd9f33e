package org.beacon.rules.replay;

/**
 * Something a replay found wrong or odd in its input, said where it is.
 *
 * @param error true when the input cannot be replayed as it is (nothing is replayed); false for a warning about data
 *     the replay handled in a stated way (a revision, a filled gap)
 * @param code a stable code: {@code INVALID_VALUE}, {@code MISSING_COLUMN}, {@code DUPLICATE_DAY},
 *     {@code SEVERAL_SOURCES}, {@code UNKNOWN_SOURCE}, {@code MISSING_DAYS}, {@code CUMULATIVE_DECREASE},
 *     {@code TOO_LARGE}, {@code INVALID_SITUATION}, {@code POSSIBLE_REVISION} (a rise far above the recent ones),
 *     {@code KNOWN_REVISION} (a rise a revisions file excluded)
 * @param where {@code timeline.csv:12} (file and line), or a region and date ({@code 420000 2020-04-17})
 * @param detail what is wrong and what the replay did about it
 */
public record DataIssue(boolean error, String code, String where, String detail) {

    static DataIssue error(String code, String where, String detail) {
        return new DataIssue(true, code, where, detail);
    }

    static DataIssue warning(String code, String where, String detail) {
        return new DataIssue(false, code, where, detail);
    }

    @Override
    public String toString() {
        return (error ? "ERROR " : "WARNING ") + code + " " + where + ": " + detail;
    }
}
