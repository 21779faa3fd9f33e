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
 * @param message what is wrong and how to fix it, in the expert's terms
 */
public record Diagnostic(Severity severity, String workbook, String location, String code, String message) {

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        workbook = workbook == null ? "" : workbook;
        location = location == null ? "" : location;
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
