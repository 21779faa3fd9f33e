package org.beacon.rules.reading;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.beacon.rules.model.CellRef;
import org.beacon.rules.model.Findings;
import org.beacon.rules.model.Message;
import org.beacon.rules.workbook.RawCell;
import org.beacon.rules.workbook.SheetData;

/**
 * The header row of a list sheet (Dictionary, Parameters, Colours): known column names, each with its aliases.
 * Any other header text is reported, because a misspelt header would otherwise drop a column silently.
 */
final class FixedHeader {

    private final Map<String, Integer> columns = new HashMap<>();

    /** @param aliases for each column key, the accepted header texts (first = the documented one) */
    FixedHeader(SheetData sheet, int row, Map<String, List<String>> aliases, List<String> required,
            Findings findings) {
        for (Map.Entry<Integer, RawCell> e : sheet.row(row).entrySet()) {
            String text = CellText.keyword(e.getValue().text());
            if (text.isEmpty()) {
                continue;
            }
            String key = aliases.entrySet().stream()
                    .filter(a -> a.getValue().stream().anyMatch(alias -> CellText.keyword(alias).equals(text)))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            String cell = CellRef.cell(sheet.name(), row, e.getKey());
            if (key == null) {
                findings.error(cell, Message.of("UNKNOWN_HEADER.fixedColumn", e.getValue().text().trim(),
                        String.join(" | ", aliases.values().stream().map(l -> l.get(0)).toList())));
            } else if (columns.putIfAbsent(key, e.getKey()) != null) {
                findings.error(cell, Message.of("DUPLICATE_COLUMN.fixed", aliases.get(key).get(0)));
            }
        }
        for (String key : required) {
            if (!columns.containsKey(key)) {
                findings.error(CellRef.row(sheet.name(), row), Message.of("EMPTY_REQUIRED_CELL.fixedColumn",
                        aliases.get(key).get(0)));
            }
        }
    }

    /** Text of this column in a row, or "" when the column is absent or the cell empty. */
    String text(SheetData sheet, int row, String key) {
        Integer col = columns.get(key);
        return col == null ? "" : sheet.text(row, col);
    }

    /** Location of this column's cell in a row (the row when the column is absent). */
    String cell(SheetData sheet, int row, String key) {
        Integer col = columns.get(key);
        return col == null ? CellRef.row(sheet.name(), row) : CellRef.cell(sheet.name(), row, col);
    }

    boolean has(String key) {
        return columns.containsKey(key);
    }
}
