package org.beacon.rules.model;

/**
 * Result of one test case from a Tests sheet.
 *
 * @param workbook the workbook
 * @param location the case's row, e.g. {@code Tests!R5}
 * @param passed whether every expectation held
 * @param message what differed, in English; empty when it passed
 * @param text the same as a bundle key and its arguments, to show it in another language; null when it passed
 */
public record TestOutcome(String workbook, String location, boolean passed, String message, Message text) {

    public TestOutcome(String workbook, String location, boolean passed, String message) {
        this(workbook, location, passed, message, null);
    }
}
