package org.beacon.rules.workbook;

import java.math.BigDecimal;

/**
 * A cell as stored in the file: its text, and its number when Excel stored one.
 *
 * @param row 1-based row
 * @param column 1-based column
 * @param text the cell's text (a number is written in plain decimal notation)
 * @param number the value when the cell holds a number, otherwise null
 * @param formula true when the cell held a formula; {@code text} is then the value Excel last saved
 */
public record RawCell(int row, int column, String text, BigDecimal number, boolean formula) {
}
