package org.beacon.rules.model;

import java.util.Locale;

/**
 * Why a situation cannot be evaluated.
 *
 * @param pointer JSON pointer to the offending field, e.g. {@code /indicators/weeklyCases}
 * @param message what is wrong, naming the valid values where there are few, in English
 * @param listing the long list the message ends with ({@code valid indicators: cases, deaths, …}), or null: an
 *     answer holding many problems gives each listing once and points at it from the others ({@link #listedAt})
 * @param text the message as a key of the bundle ({@code situation.…}) and its arguments, to show it in another
 *     language ({@link #message(Locale)}); null for a message only written in English
 */
public record SituationProblem(String pointer, String message, String listing, Message text) {

    /** The key of a message that ends with a listing: {@code {0}; {1}}. */
    private static final String LISTED = "situation.listed";

    /** A problem only written in English. */
    public SituationProblem(String pointer, String message) {
        this(pointer, message, null, null);
    }

    /** A problem whose English message comes from {@code text}. */
    public static SituationProblem of(String pointer, Message text) {
        return new SituationProblem(pointer, DiagnosticMessages.english(text), null, text);
    }

    /** A problem whose message ends with {@code "; " + listing}. */
    public static SituationProblem listing(String pointer, Message text, Message listing) {
        Message whole = Message.of(LISTED, text, listing);
        return new SituationProblem(pointer, DiagnosticMessages.english(whole), DiagnosticMessages.english(listing),
                whole);
    }

    /** This problem with its listing replaced by a reference to {@code where}, the pointer that already gives it. */
    public SituationProblem listedAt(String where) {
        if (listing == null) {
            return this;
        }
        if (text != null && text.key().equals(LISTED)) {
            return of(pointer, Message.of("situation.listedAt", text.arguments().get(0), where));
        }
        return new SituationProblem(pointer, message.substring(0, message.length() - listing.length() - 2)
                + "; the valid ones are listed at " + where);
    }

    /** The message in {@code locale}'s language (English or 简体中文); its English message where it carries no key. */
    public String message(Locale locale) {
        return text == null || !DiagnosticMessages.isChinese(locale) ? message
                : DiagnosticMessages.render(text, locale);
    }
}
