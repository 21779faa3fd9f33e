package org.beacon.rules.reading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.beacon.rules.model.Findings;
import org.beacon.rules.model.Message;
import org.beacon.rules.model.RuleSetBudget;
import org.beacon.rules.model.VersionSize;
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

    VersionSize version() {
        return new VersionSize(tables.size(), ruleRows(), cells);
    }

    /** Reports a version over {@code budget}, at its largest table; true when it fits. */
    boolean fits(RuleSetBudget budget, Findings findings) {
        List<Message> over = new ArrayList<>();
        if (ruleRows() > budget.maxRuleRows()) {
            over.add(Message.of("phrase.tooManyRuleRows", count(ruleRows()), count(budget.maxRuleRows()),
                    Message.joined("separator.clauses", largest())));
        }
        if (cells > budget.maxCells()) {
            over.add(Message.of("phrase.tooManyCells", count(cells), count(budget.maxCells())));
        }
        if (over.isEmpty()) {
            return true;
        }
        Findings at = tables.isEmpty() ? findings : findings.forWorkbook(tables.get(0).workbook());
        at.error(tables.isEmpty() ? "" : tables.get(0).sheet(), Message.of("RULE_SET_TOO_LARGE",
                Message.joined("separator.and", over)));
        return false;
    }

    private List<Message> largest() {
        return tables.stream().limit(3).map(t -> Message.of("phrase.tableRows", t.sheet(), t.workbook(),
                count(t.rows()))).toList();
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
