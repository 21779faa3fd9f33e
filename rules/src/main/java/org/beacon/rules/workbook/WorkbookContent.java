package org.beacon.rules.workbook;

import java.util.List;
import org.beacon.rules.model.Diagnostic;

/**
 * What a workbook file yielded: its sheets in workbook order, and the problems met while reading it. When a problem
 * is an error the sheets are empty: a workbook is read whole or not at all.
 */
public record WorkbookContent(String workbook, List<SheetData> sheets, List<Diagnostic> diagnostics) {

    public WorkbookContent {
        sheets = List.copyOf(sheets);
        diagnostics = List.copyOf(diagnostics);
    }
}
