package org.beacon.rules.model;

/**
 * Result of one test case from a Tests sheet.
 *
 * @param workbook the workbook
 * @param location the case's row, e.g. {@code Tests!R5}
 * @param passed whether every expectation held
 * @param message what differed, empty when it passed
 */
public record TestOutcome(String workbook, String location, boolean passed, String message) {
}
