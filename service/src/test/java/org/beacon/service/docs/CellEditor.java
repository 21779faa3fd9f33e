package org.beacon.service.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * What a reader does in Excel when a document says "change this cell": opens the workbook, finds the cell showing
 * what the document says it shows, types the new value and saves. A number stays a number; anything else is typed as
 * text, as Excel keeps {@code ≥25} or {@code Ⅱ}.
 */
final class CellEditor {

    private static final DataFormatter SHOWN = new DataFormatter();

    private CellEditor() {
    }

    static void apply(Path folder, DocumentedSteps.CellEdit edit) throws Exception {
        Path file = folder.resolve(edit.workbook());
        assertThat(file).as("the workbook the document names").isRegularFile();
        CellReference ref = new CellReference(edit.cell());
        assertThat(ref.getSheetName()).as("%s names its sheet (Sheet!A1)", edit.cell()).isNotNull();
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet(ref.getSheetName());
            assertThat(sheet).as("sheet %s of %s", ref.getSheetName(), edit.workbook()).isNotNull();
            Row row = sheet.getRow(ref.getRow()) != null ? sheet.getRow(ref.getRow()) : sheet.createRow(ref.getRow());
            Cell cell = row.getCell(ref.getCol(), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
            assertThat(SHOWN.formatCellValue(cell)).as("what %s of %s shows before the change", edit.cell(),
                    edit.workbook()).isEqualTo(edit.was());
            if (cell.getCellType() == CellType.NUMERIC && edit.becomes().matches("-?\\d+(\\.\\d+)?")) {
                cell.setCellValue(Double.parseDouble(edit.becomes()));
            } else {
                cell.setCellValue(edit.becomes());
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
    }
}
