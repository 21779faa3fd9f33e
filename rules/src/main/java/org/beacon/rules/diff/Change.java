package org.beacon.rules.diff;

/**
 * One difference between two rule sets, in an expert's terms.
 *
 * @param kind {@code added}, {@code removed} or {@code changed}
 * @param subject {@code indicator}, {@code parameter}, {@code action}, {@code colour}, {@code table}, {@code row} or
 *     {@code test} (a row of a Tests sheet)
 * @param where what changed: an indicator, parameter or action code, a sheet, a row id, or a test row with its
 *     workbook ({@code national-grading.xlsx Tests!R34}); for rows and tests the new one when it exists
 * @param description what changed, e.g. {@code cases: ≥ 30 → ≥ 25}
 */
public record Change(String kind, String subject, String where, String description) {

    @Override
    public String toString() {
        return kind + " " + subject + " " + where + ": " + description;
    }
}
