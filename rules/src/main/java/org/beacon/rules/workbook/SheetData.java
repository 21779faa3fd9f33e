package org.beacon.rules.workbook;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** The non-empty cells of one sheet, by row then column, and its merged cells. Immutable. */
public final class SheetData {

    private final String name;
    private final NavigableMap<Integer, NavigableMap<Integer, RawCell>> rows;
    private final List<MergedRange> merges;

    SheetData(String name, NavigableMap<Integer, NavigableMap<Integer, RawCell>> rows) {
        this(name, rows, List.of());
    }

    SheetData(String name, NavigableMap<Integer, NavigableMap<Integer, RawCell>> rows, List<MergedRange> merges) {
        this.name = name;
        this.rows = rows;
        this.merges = List.copyOf(merges);
    }

    /** Builds a sheet from cells, for callers that do not read a file (tests, generated tables). */
    public static SheetData of(String name, List<RawCell> cells) {
        NavigableMap<Integer, NavigableMap<Integer, RawCell>> rows = new TreeMap<>();
        for (RawCell c : cells) {
            rows.computeIfAbsent(c.row(), r -> new TreeMap<>()).put(c.column(), c);
        }
        return new SheetData(name, rows);
    }

    public String name() {
        return name;
    }

    /** The sheet's merged cells, as Excel shows them (for display only: nothing is read from a merge). */
    public List<MergedRange> merges() {
        return merges;
    }

    /** Trimmed text of a cell, or "" when empty. */
    public String text(int row, int column) {
        RawCell c = cell(row, column);
        return c == null ? "" : c.text().trim();
    }

    public RawCell cell(int row, int column) {
        Map<Integer, RawCell> r = rows.get(row);
        return r == null ? null : r.get(column);
    }

    /** Row numbers holding at least one non-blank cell, ascending. */
    public List<Integer> rowNumbers() {
        return rows.entrySet().stream()
                .filter(e -> e.getValue().values().stream().anyMatch(c -> !c.text().isBlank()))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Non-empty cells of a row by column, ascending. */
    public Map<Integer, RawCell> row(int row) {
        NavigableMap<Integer, RawCell> r = rows.get(row);
        return r == null ? Map.of() : Collections.unmodifiableMap(r);
    }

    /** Non-blank cells of the whole sheet. */
    public long cellCount() {
        return rows.values().stream().flatMap(r -> r.values().stream()).filter(c -> !c.text().isBlank()).count();
    }

    public boolean isRowBlank(int row) {
        return row(row).values().stream().allMatch(c -> c.text().isBlank());
    }

    public int lastRow() {
        return rows.isEmpty() ? 0 : rows.lastKey();
    }
}
