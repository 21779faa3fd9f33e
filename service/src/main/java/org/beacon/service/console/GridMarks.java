package org.beacon.service.console;

import java.util.HashMap;
import java.util.Map;

/**
 * What a grid marks on a sheet beyond its text: a diagnostic on a cell or a row, a failed test row. Each mark has a
 * CSS class and a word (the grid shows the word too, never the colour alone) and a longer text for its title.
 */
final class GridMarks {

    /** @param css {@code mark-error}, {@code mark-warning}, {@code mark-info}, {@code mark-failed}, … */
    record Mark(String css, String word, String detail) {
    }

    static final GridMarks NONE = new GridMarks();

    private final Map<String, Mark> cells = new HashMap<>();
    private final Map<Integer, Mark> rows = new HashMap<>();

    /** Marks a cell ({@code C9}); a cell marked twice keeps the first (diagnostics come worst first). */
    GridMarks cell(String reference, Mark mark) {
        cells.putIfAbsent(reference, mark);
        return this;
    }

    GridMarks row(int row, Mark mark) {
        rows.putIfAbsent(row, mark);
        return this;
    }

    Mark cell(String reference) {
        return cells.get(reference);
    }

    Mark row(int row) {
        return rows.get(row);
    }
}
