package org.beacon.service.web;

import java.util.List;
import java.util.Locale;

/** A request that cannot be evaluated; each error points at the offending field. Becomes a 400 problem. */
public final class InvalidRequestException extends RuntimeException {

    /** @param pointer JSON pointer, e.g. {@code /indicators/cases}; @param detail what is wrong */
    public record FieldError(String pointer, String detail) {
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
