package org.beacon.service.ruleset;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Copies of a workbook with cells retyped, as an expert's slip (or fix) would leave it. */
public final class BrokenWorkbooks {

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

    /**
     * The workbook with cells of one sheet set, by reference ({@code A8}): a number as a numeric cell, anything else
     * as text, as an expert types them. Cells and rows that are not there are made.
     */
    public static byte[] withCells(byte[] workbook, String sheet, Map<String, Object> cells) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet s = wb.getSheet(sheet);
            cells.forEach((reference, value) -> {
                CellReference ref = new CellReference(reference);
                XSSFRow row = s.getRow(ref.getRow()) == null ? s.createRow(ref.getRow()) : s.getRow(ref.getRow());
                var cell = row.getCell(ref.getCol()) == null ? row.createCell(ref.getCol()) : row.getCell(ref.getCol());
                if (value instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else {
                    cell.setCellValue(value.toString());
                }
            });
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
