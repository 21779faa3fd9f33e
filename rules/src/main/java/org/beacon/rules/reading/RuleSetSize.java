package org.beacon.rules.reading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.beacon.rules.model.Findings;
import org.beacon.rules.model.RuleSetBudget;
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
record RuleSetSize(List<TableRows> tables, long cells) {

    static final String TOO_LARGE = "RULE_SET_TOO_LARGE";

    /** One table sheet: where it is and how many rule rows it has. */
    record TableRows(String workbook, String sheet, int rows) {
    }

    RuleSetSize {
        tables = List.copyOf(tables);
    }

    static RuleSetSize of(List<WorkbookContent> workbooks) {
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

    long ruleRows() {
        return tables.stream().mapToLong(TableRows::rows).sum();
    }

    /** Reports a version over {@code budget}, at its largest table; true when it fits. */
    boolean fits(RuleSetBudget budget, Findings findings) {
        List<String> over = new ArrayList<>();
        if (ruleRows() > budget.maxRuleRows()) {
            over.add(count(ruleRows()) + " rule rows in its tables (the limit is " + count(budget.maxRuleRows())
                    + "; largest: " + largest() + ")");
        }
        if (cells > budget.maxCells()) {
            over.add(count(cells) + " non-blank cells (the limit is " + count(budget.maxCells()) + ", tests and "
                    + "dictionaries included)");
        }
        if (over.isEmpty()) {
            return true;
        }
        String message = "this version has " + String.join(" and ", over) + ", counted over all its workbooks: "
                + "each table row becomes a rule that is compiled and kept in memory, so nothing was compiled. To "
                + "fit, use fewer rows per table (merge rows with the same answer into ranges or lists: 10～29 "
                + "instead of one row per value, - for any value), leave out tables and test cases this version "
                + "does not need, or split the tables over several rule sets; a larger budget needs a larger heap, "
                + "which whoever runs Beacon can configure";
        Findings at = tables.isEmpty() ? findings : findings.forWorkbook(tables.get(0).workbook());
        at.error(tables.isEmpty() ? "" : tables.get(0).sheet(), TOO_LARGE, message);
        return false;
    }

    private String largest() {
        return tables.stream().limit(3).map(t -> t.sheet() + " in " + t.workbook() + ", " + count(t.rows()))
                .collect(Collectors.joining("; "));
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
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
