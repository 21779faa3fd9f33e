package org.beacon.service.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns Jackson's errors into a JSON pointer and a sentence for a caller, without Java class names. */
public final class JsonErrors {

    /** Jackson's message for a name given twice (strict duplicate detection): {@code Duplicate Object property "x"}. */
    private static final java.util.regex.Pattern DUPLICATE =
            java.util.regex.Pattern.compile("^Duplicate (?:Object property|field) [\"']([^\"']*)[\"']");

    private JsonErrors() {
    }

    /** {@code /region/level}, {@code /situations/3/asOf}; "" for the whole document. */
    public static String pointer(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                sb.append('/').append(r.getPropertyName().replace("~", "~0").replace("/", "~1"));
            } else if (r.getIndex() >= 0) {
                sb.append('/').append(r.getIndex());
            }
        }
        return sb.toString();
    }

    public static String detail(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'";
        }
        if (e.getCause() instanceof NumberFormatException) {
            // a decimal whose exponent is beyond what any number can hold (1E+2147483648): read as written, it is not
            // a number at all
            return "a number whose exponent is out of range";
        }
        if (e instanceof StreamConstraintsException) {
            return "the document exceeds a size limit (nesting depth, number or text length)";
        }
        if (e instanceof InvalidFormatException f) {
            return "'" + QuotedInput.shorten(String.valueOf(f.getValue())) + "' is not a valid "
                    + describe(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m) {
            return "expected " + describe(m.getTargetType()) + " here";
        }
        if (e instanceof StreamReadException) {
            java.util.regex.Matcher twice = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
            if (twice.find()) {
                return "field '" + QuotedInput.shorten(twice.group(1)) + "' is given twice";
            }
            return "malformed JSON"
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr());
        }
        return "invalid value";
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == java.time.LocalDate.class) {
            return "date (YYYY-MM-DD)";
        }
        if (type == String.class) {
            return "text";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "an object of name: value";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "number";
        }
        if (type.isRecord()) {
            return "an object";
        }
        return "value";
    }

}
