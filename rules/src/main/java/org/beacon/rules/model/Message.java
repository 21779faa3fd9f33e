package org.beacon.rules.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A text for a person, kept as a key of the diagnostics bundle and its arguments so that it can be shown in the
 * reader's language ({@link DiagnosticMessages}). An argument is shown as it is (a cell, a code, what the expert
 * wrote, a number), unless it is itself a {@code Message} (a word such as "integer" or "none", translated too) or
 * {@link Joined} (items, each shown the same way, joined by the language's separator).
 *
 * @param key {@code CODE} or {@code CODE.variant} for a diagnostic, where {@code CODE} is the diagnostic's code;
 *     {@code word.…} for a word used inside another message
 */
public record Message(String key, List<Object> arguments) {

    public Message {
        Objects.requireNonNull(key, "key");
        // Not List.copyOf: a null argument shows as "null", as string concatenation always showed it.
        arguments = Collections.unmodifiableList(new ArrayList<>(arguments));
    }

    public static Message of(String key, Object... arguments) {
        return new Message(key, Arrays.asList(arguments));
    }

    /** A word that is translated wherever it is shown: {@code word.<name>} in the bundle. */
    public static Message word(String name) {
        return new Message("word." + name, List.of());
    }

    /** Items joined by a separator of the bundle ({@code separator.items} ", " or {@code separator.clauses} "; "). */
    public static Joined joined(String separatorKey, List<?> items) {
        return new Joined(separatorKey, items);
    }

    /** Items shown one after another, with the separator the bundle gives for {@code separatorKey}. */
    public record Joined(String separatorKey, List<?> items) {
        public Joined {
            Objects.requireNonNull(separatorKey, "separatorKey");
            items = List.copyOf(items);
        }
    }

    /** The code of a diagnostic with this message: the key up to its first dot. */
    public String code() {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }

    /** In English, as every diagnostic's {@code message} reads. */
    @Override
    public String toString() {
        return DiagnosticMessages.english(this);
    }
}
