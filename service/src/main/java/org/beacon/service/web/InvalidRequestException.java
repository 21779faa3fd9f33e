package org.beacon.service.web;

import java.util.List;
import java.util.Locale;
import org.beacon.rules.model.DiagnosticMessages;
import org.beacon.rules.model.Message;

/** A request that cannot be evaluated; each error points at the offending field. Becomes a 400 problem. */
public final class InvalidRequestException extends RuntimeException {

    /**
     * @param pointer JSON pointer, e.g. {@code /indicators/cases}
     * @param detail what is wrong, as the API answers it
     * @param text the same as a key of the diagnostics bundle and its arguments, for a page to say it in its own
     *     language; null where the detail is only written in English. Not part of the API's answer.
     */
    public record FieldError(String pointer, String detail, Message text) {

        public FieldError(String pointer, String detail) {
            this(pointer, detail, null);
        }

        /** The error with its words from the diagnostics bundle, the detail in English. */
        public FieldError(String pointer, Message text) {
            this(pointer, DiagnosticMessages.english(text), text);
        }
    }

    private final transient List<FieldError> errors;
    private final transient Locale language;

    public InvalidRequestException(List<FieldError> errors) {
        this(errors, null);
    }

    /** @param language the language some details were translated into ({@link AnswerLanguage}), or null */
    public InvalidRequestException(List<FieldError> errors, Locale language) {
        super(errors.size() + " invalid field(s)");
        this.errors = List.copyOf(errors);
        this.language = language;
    }

    /** The language some details were translated into, told as {@code Content-Language}; null for English. */
    public Locale language() {
        return language;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
