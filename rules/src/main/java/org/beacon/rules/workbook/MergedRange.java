package org.beacon.rules.workbook;

import java.util.Optional;
import org.beacon.rules.model.CellRef;

/**
 * Cells merged into one in Excel ({@code A1:C2}), 1-based and inclusive. Only for showing a sheet as Excel shows
 * it: the text stays in the top-left cell, and Beacon reads no other meaning from a merge.
 */
public record MergedRange(int firstRow, int firstColumn, int lastRow, int lastColumn) {

    public MergedRange {
        if (firstRow < 1 || firstColumn < 1 || lastRow < firstRow || lastColumn < firstColumn) {
            throw new IllegalArgumentException("not a range of cells: rows " + firstRow + "–" + lastRow
                    + ", columns " + firstColumn + "–" + lastColumn);
        }
    }

    /** {@code B2:D3} as a range; empty for anything else (a single cell, a damaged reference). */
    public static Optional<MergedRange> parse(String reference) {
        if (reference == null || !reference.matches("[A-Za-z]{1,3}[0-9]{1,7}:[A-Za-z]{1,3}[0-9]{1,7}")) {
            return Optional.empty();
        }
        String[] ends = reference.split(":");
        int r1 = CellRef.rowOf(ends[0]);
        int c1 = CellRef.columnOf(ends[0]);
        int r2 = CellRef.rowOf(ends[1]);
        int c2 = CellRef.columnOf(ends[1]);
        if (r1 < 1 || c1 < 1 || (r1 == r2 && c1 == c2)) {
            return Optional.empty();
        }
        return Optional.of(new MergedRange(Math.min(r1, r2), Math.min(c1, c2), Math.max(r1, r2), Math.max(c1, c2)));
    }

    public boolean contains(int row, int column) {
        return row >= firstRow && row <= lastRow && column >= firstColumn && column <= lastColumn;
    }
}
