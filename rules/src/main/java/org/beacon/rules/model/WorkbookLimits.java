package org.beacon.rules.model;

/**
 * Bounds that keep a hostile or mistaken workbook from exhausting memory or time.
 *
 * @param maxFileBytes largest accepted file
 * @param maxSheets most sheets in one workbook
 * @param maxRowsPerSheet most rows read from one sheet; a larger sheet is refused, not truncated
 * @param maxCellChars longest cell text
 * @param maxXmlBytes most unpacked XML read from one workbook (its sheets and its shared text), which bounds the
 *     memory a file can take whatever its compression. Beacon's own workbooks hold under 200 KB; a sheet at the
 *     row limit with ten columns about 8 MB.
 */
public record WorkbookLimits(long maxFileBytes, int maxSheets, int maxRowsPerSheet, int maxCellChars,
        long maxXmlBytes) {

    public static final WorkbookLimits DEFAULT = new WorkbookLimits(20L * 1024 * 1024, 50, 20_000, 2_000,
            16L * 1024 * 1024);

    public WorkbookLimits {
        if (maxFileBytes <= 0 || maxSheets <= 0 || maxRowsPerSheet <= 0 || maxCellChars <= 0 || maxXmlBytes <= 0) {
            throw new IllegalArgumentException("workbook limits must be positive");
        }
    }
}
