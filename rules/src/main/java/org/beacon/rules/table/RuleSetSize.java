package org.beacon.rules.table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.beacon.rules.workbook.SheetData;
import org.beacon.rules.workbook.WorkbookContent;

/**
 * How much a version holds, counted from its cells as read, before anything is parsed: the rule rows of its tables
 * (each becomes a compiled rule) and the non-blank cells of all its sheets (tests, dictionaries and lists included).
 * A pure function of the files, so the same upload always gets the same answer.
 *
 * @param tables every table sheet with its rule rows, largest first
 * @param cells non-blank cells across every sheet of every workbook
 */
public record RuleSetSize(List<TableRows> tables, long cells) {

    /** One table sheet: where it is and how many rule rows it has. */
    public record TableRows(String workbook, String sheet, int rows) {
    }

    public RuleSetSize {
        tables = List.copyOf(tables);
    }

    public static RuleSetSize of(List<WorkbookContent> workbooks) {
        List<TableRows> tables = new ArrayList<>();
        long cells = 0;
        for (WorkbookContent wb : workbooks) {
            for (SheetData sheet : wb.sheets()) {
                cells += sheet.cellCount();
                if (RuleSetReader.isTable(sheet)) {
                    tables.add(new TableRows(wb.workbook(), sheet.name(), ruleRows(sheet)));
                }
            }
        }
        tables.sort(Comparator.comparingInt(TableRows::rows).reversed());
        return new RuleSetSize(tables, cells);
    }

    public long ruleRows() {
        return tables.stream().mapToLong(TableRows::rows).sum();
    }

    /**
     * The non-blank rows below the header, laid out as {@link TableParser} reads a table: title and properties up to
     * the first blank row, then the header.
     */
    private static int ruleRows(SheetData sheet) {
        int last = sheet.lastRow();
        int row = 1;
        while (row <= last && !sheet.isRowBlank(row)) {
            row++;
        }
        while (row <= last && sheet.isRowBlank(row)) {
            row++;
        }
        int header = row;
        return (int) sheet.rowNumbers().stream().filter(r -> r > header).count();
    }
}
