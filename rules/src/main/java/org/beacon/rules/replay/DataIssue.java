package org.beacon.rules.replay;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Locale;
import org.beacon.rules.model.DiagnosticMessages;
import org.beacon.rules.model.Message;

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
 * @param detail what is wrong and what the replay did about it, in English
 * @param text the same as a key of the diagnostics bundle ({@code replay.CODE} or {@code replay.CODE.variant}) and
 *     its arguments, to show it in another language ({@link #detail(Locale)}); null for a detail only written in
 *     English. Kept out of JSON: summary.json and the replay API read as they did before it existed.
 */
public record DataIssue(boolean error, String code, String where, String detail, @JsonIgnore Message text) {

    public DataIssue(boolean error, String code, String where, String detail) {
        this(error, code, where, detail, null);
    }

    static DataIssue error(String where, Message text) {
        return new DataIssue(true, code(text), where, DiagnosticMessages.english(text), text);
    }

    static DataIssue warning(String where, Message text) {
        return new DataIssue(false, code(text), where, DiagnosticMessages.english(text), text);
    }

    /** The detail in {@code locale}'s language; the English detail where the issue carries no key. */
    public String detail(Locale locale) {
        return text == null || !DiagnosticMessages.isChinese(locale) ? detail
                : DiagnosticMessages.render(text, locale);
    }

    /** {@code ERROR INVALID_VALUE timeline.csv:12 date: …}, as printed, the detail in {@code locale}'s language. */
    public String toString(Locale locale) {
        return (error ? "ERROR " : "WARNING ") + code + " " + where + ": " + detail(locale);
    }

    @Override
    public String toString() {
        return toString(Locale.ENGLISH);
    }

    /** {@code replay.MISSING_DAYS.filled} is a {@code MISSING_DAYS}. */
    private static String code(Message text) {
        String[] parts = text.key().split("\\.");
        if (parts.length < 2 || !parts[0].equals("replay")) {
            throw new IllegalArgumentException("not a replay message key: " + text.key());
        }
        return parts[1];
    }
}
