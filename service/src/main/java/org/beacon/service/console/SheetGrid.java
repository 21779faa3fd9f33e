package org.beacon.service.console;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.beacon.rules.model.CellRef;
import org.beacon.rules.workbook.MergedRange;
import org.beacon.rules.workbook.RawCell;
import org.beacon.rules.workbook.SheetData;

/**
 * One page of a sheet drawn as Excel draws it: column letters, row numbers, merged cells spanning, the header row
 * marked (and repeated above later pages), each row anchored by its rule id ({@code Cholera!R10}), a focused cell or
 * row, and marks. Cell text is exactly what Beacon reads (numbers in plain decimal notation, formulas as the value
 * Excel saved). A page holds {@link #PAGE_ROWS} rows, so a sheet of 2,000 rows is ten pages of the same size.
 *
 * @param page 1-based
 * @param focus the focused cell ({@code C9}) or row ({@code R9}); null for none
 * @param header the header row repeated above this page, when it is on an earlier page; null otherwise
 */
record SheetGrid(String workbook, String sheet, int page, int pages, int firstRow, int lastRow, int sheetRows,
        List<String> columns, Line header, List<Line> lines, String focus, boolean columnsCut) {

    static final int PAGE_ROWS = 200;
    /** Beyond this many columns a grid shows the first ones and says so. */
    static final int MAX_COLUMNS = 200;
    private static final Pattern ROW = Pattern.compile("R(\\d{1,7})");
    private static final Pattern CELL = Pattern.compile("([A-Z]{1,3})(\\d{1,7})");

    /**
     * A row of the page.
     *
     * @param id the element id the address's fragment reaches: the rule id, {@code Cholera!R10} (white space made
     *     {@code _}, which an id may not hold)
     * @param kind {@code header}, {@code property} (a Table's properties) or {@code row}
     * @param mark a mark on the whole row, or null
     */
    record Line(int row, String id, String kind, boolean focus, GridMarks.Mark mark, List<Cell> cells) {
    }

    /**
     * @param reference {@code C9}
     * @param mark a mark on the cell, or null
     */
    record Cell(String reference, String id, String text, int colspan, int rowspan, boolean focus,
            GridMarks.Mark mark) {

        public boolean blank() {
            return text.isEmpty();
        }

        /**
         * True for text too long for a narrow column (a label, a note): the grid gives it room rather than a column
         * a word wide. Chinese characters count twice, as they are drawn about twice as wide.
         */
        public boolean wide() {
            return text.codePoints().map(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN ? 2 : 1)
                    .sum() > 28;
        }
    }

    /** The element id of a row, as the fragment of an address names it: {@code Cholera!R10}. */
    static String rowId(String sheet, int row) {
        return (sheet + "!R" + row).replaceAll("\\s", "_");
    }

    /** The element id of a cell: {@code cell-Cholera!C9} (a row's id may be a cell's reference too). */
    static String cellId(String sheet, String reference) {
        return ("cell-" + sheet + "!" + reference).replaceAll("\\s", "_");
    }

    /** The row a focus names ({@code C9}, {@code R9}); 0 for none or anything else. */
    static int rowOf(String focus) {
        if (focus == null) {
            return 0;
        }
        Matcher row = ROW.matcher(focus);
        if (row.matches()) {
            return Integer.parseInt(row.group(1));
        }
        Matcher cell = CELL.matcher(focus);
        return cell.matches() ? Integer.parseInt(cell.group(2)) : 0;
    }

    /** True for a reference a grid can focus: a cell ({@code C9}) or a row ({@code R9}). */
    static boolean isReference(String focus) {
        return focus != null && (ROW.matcher(focus).matches() || CELL.matcher(focus).matches());
    }

    /** The page holding this row. */
    static int pageOf(int row) {
        return row < 1 ? 1 : (row - 1) / PAGE_ROWS + 1;
    }

    /**
     * The page of the sheet; a page beyond the last is the last.
     *
     * @param focus a cell or row to mark as focused, or null
     */
    static SheetGrid of(String workbook, SheetData sheet, int page, String focus, GridMarks marks) {
        int sheetRows = sheet.lastRow();
        int pages = Math.max(1, (sheetRows + PAGE_ROWS - 1) / PAGE_ROWS);
        int p = Math.min(Math.max(1, page), pages);
        int first = (p - 1) * PAGE_ROWS + 1;
        int last = Math.min(p * PAGE_ROWS, Math.max(sheetRows, 1));
        int usedColumns = lastColumn(sheet);
        int width = Math.min(Math.max(usedColumns, 1), MAX_COLUMNS);
        List<String> columns = new ArrayList<>();
        for (int c = 1; c <= width; c++) {
            columns.add(CellRef.columnName(c));
        }
        SheetLayout layout = SheetLayout.of(sheet);
        Spans spans = Spans.of(sheet.merges(), first, last, width);
        List<Line> lines = new ArrayList<>();
        for (int r = first; r <= last; r++) {
            lines.add(line(sheet, r, width, layout, spans, focus, marks));
        }
        Line header = layout.header() > 0 && layout.header() < first
                ? line(sheet, layout.header(), width, layout, Spans.of(List.of(), 0, 0, width), null, GridMarks.NONE)
                : null;
        return new SheetGrid(workbook, sheet.name(), p, pages, first, last, sheetRows, columns, header, lines,
                isReference(focus) ? focus : null, usedColumns > MAX_COLUMNS);
    }

    private static Line line(SheetData sheet, int r, int width, SheetLayout layout, Spans spans, String focus,
            GridMarks marks) {
        List<Cell> cells = new ArrayList<>();
        Map<Integer, RawCell> row = sheet.row(r);
        for (int c = 1; c <= width; c++) {
            if (spans.covered(r, c)) {
                continue;
            }
            int[] span = spans.at(r, c);
            String reference = CellRef.columnName(c) + r;
            RawCell raw = span == null ? row.get(c) : sheet.cell(span[2], span[3]);
            cells.add(new Cell(reference, cellId(sheet.name(), reference), raw == null ? "" : raw.text(),
                    span == null ? 1 : span[1], span == null ? 1 : span[0], reference.equals(focus),
                    marks.cell(reference)));
        }
        String kind = r == layout.header() ? "header" : layout.isProperty(r) ? "property" : "row";
        return new Line(r, rowId(sheet.name(), r), kind, ("R" + r).equals(focus), marks.row(r), cells);
    }

    private static int lastColumn(SheetData sheet) {
        int last = 0;
        for (int r : sheet.rowNumbers()) {
            for (Integer c : sheet.row(r).keySet()) {
                last = Math.max(last, c);
            }
        }
        for (MergedRange m : sheet.merges()) {
            if (!sheet.text(m.firstRow(), m.firstColumn()).isEmpty()) {
                last = Math.max(last, m.lastColumn());
            }
        }
        return last;
    }

    /** The merged cells of a page: where each starts on the page (its spans) and the cells it covers. */
    private record Spans(Map<Long, int[]> starts, Set<Long> covered) {

        static Spans of(List<MergedRange> merges, int first, int last, int width) {
            Map<Long, int[]> starts = new HashMap<>();
            Set<Long> covered = new HashSet<>();
            for (MergedRange m : merges) {
                if (m.lastRow() < first || m.firstRow() > last || m.firstColumn() > width) {
                    continue;
                }
                // a merge begun on an earlier page starts again at the top of this one, with its text
                int top = Math.max(m.firstRow(), first);
                int bottom = Math.min(m.lastRow(), last);
                int right = Math.min(m.lastColumn(), width);
                if (top == bottom && m.firstColumn() == right) {
                    continue;
                }
                starts.put(key(top, m.firstColumn()), new int[] {bottom - top + 1, right - m.firstColumn() + 1,
                        m.firstRow(), m.firstColumn()});
                for (int r = top; r <= bottom; r++) {
                    for (int c = m.firstColumn(); c <= right; c++) {
                        if (r != top || c != m.firstColumn()) {
                            covered.add(key(r, c));
                        }
                    }
                }
            }
            return new Spans(starts, covered);
        }

        boolean covered(int row, int column) {
            return covered.contains(key(row, column));
        }

        /** {rowspan, colspan, row and column of the merge's own top-left cell}, or null. */
        int[] at(int row, int column) {
            return starts.get(key(row, column));
        }

        private static long key(int row, int column) {
            return ((long) row << 20) | column;
        }
    }
}
