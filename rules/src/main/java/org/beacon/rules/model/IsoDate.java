package org.beacon.rules.model;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A date as Beacon reads it from a request, a form or a situation file: exactly {@code YYYY-MM-DD}. Java's own
 * parser also takes a signed year of five digits or more ({@code +10000-01-01}), and JSON libraries take arrays
 * ({@code [2026,7,1]}) or trim spaces; a date that a reader elsewhere might read otherwise is refused instead.
 */
public final class IsoDate {

    private static final Pattern EXACT = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private IsoDate() {
    }

    /** @throws DateTimeParseException unless {@code text} is exactly YYYY-MM-DD and a day of the calendar */
    public static LocalDate parse(String text) {
        if (text == null || !EXACT.matcher(text).matches()) {
            throw new DateTimeParseException("not YYYY-MM-DD", text == null ? "" : text, 0);
        }
        return LocalDate.parse(text);
    }
}
