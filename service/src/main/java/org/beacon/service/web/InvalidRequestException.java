package org.beacon.service.web;

import java.util.List;

/** A request that cannot be evaluated; each error points at the offending field. Becomes a 400 problem. */
public final class InvalidRequestException extends RuntimeException {

    /** @param pointer JSON pointer, e.g. {@code /indicators/cases}; @param detail what is wrong */
    public record FieldError(String pointer, String detail) {
    }

    private final transient List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super(errors.size() + " invalid field(s)");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
