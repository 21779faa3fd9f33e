package org.beacon.service.ruleset;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Copies of a workbook with one cell retyped, as an expert's slip would leave it. */
final class BrokenWorkbooks {

    private BrokenWorkbooks() {
    }

    /** {@code row} and {@code column} are 1-based, as Excel shows them. */
    static byte[] withCell(byte[] workbook, String sheet, int row, int column, String text) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.getSheet(sheet).getRow(row - 1).getCell(column - 1).setCellValue(text);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
