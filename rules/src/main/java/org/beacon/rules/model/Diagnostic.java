package org.beacon.rules.model;

import java.util.Objects;

/**
 * One finding about a workbook, located where an expert can find it.
 *
 * @param severity how bad it is
 * @param workbook the workbook's file name, e.g. {@code national-grading.xlsx}
 * @param location the cell ({@code Cholera!C9}), the row ({@code Cholera!R9}) or the sheet ({@code Cholera}); empty
 *     for the whole file
 * @param code a stable code, listed in {@code tables/README.md}
 * @param message what is wrong and how to fix it, in the expert's terms, in English
 * @param text the same as a bundle key and its arguments, to show it in another language
 *     ({@link DiagnosticMessages#message(Diagnostic, java.util.Locale)}); null for a message only written in English
 */
public record Diagnostic(Severity severity, String workbook, String location, String code, String message,
        Message text) {

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        workbook = workbook == null ? "" : workbook;
        location = location == null ? "" : location;
    }

    public Diagnostic(Severity severity, String workbook, String location, String code, String message) {
        this(severity, workbook, location, code, message, null);
    }

    /** A diagnostic whose code and English message come from {@code text}. */
    public static Diagnostic of(Severity severity, String workbook, String location, Message text) {
        return new Diagnostic(severity, workbook, location, text.code(), DiagnosticMessages.english(text), text);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code national-grading.xlsx Cholera!C9 ERROR INVALID_VALUE: ...}, the form the CLI prints. */
    @Override
    public String toString() {
        String where = location.isEmpty() ? workbook : workbook + " " + location;
        return where + " " + severity + " " + code + ": " + message;
    }
}
