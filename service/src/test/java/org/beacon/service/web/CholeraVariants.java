package org.beacon.service.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The bundled tables as an editor would change them: {@code national-grading.xlsx} with the cholera threshold for
 * grade Ⅱ moved (Cholera!A8 {@code ≥30}, A10 {@code 10～29}) and its two boundary tests (Tests!B33, B34) moved
 * with it, so every variant passes its own test sheets. Cholera in one county then answers Ⅱ from the threshold on
 * and Ⅲ from 10 cases below it, so an answer shows which variant decided it.
 */
final class CholeraVariants {

    private static final Path TABLES = Path.of("..", "tables");
    private static final String GRADING = "national-grading.xlsx";

    private final Map<String, byte[]> bundled = new LinkedHashMap<>();
    private final int bundledThreshold;

    CholeraVariants() {
        try (var files = Files.list(TABLES)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".xlsx")).sorted().toList()) {
                bundled.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bundled.get(GRADING)))) {
                String a8 = text(wb.getSheet("Cholera"), 7, 0);
                if (!a8.startsWith("≥")) {
                    throw new IllegalStateException("Cholera!A8 of " + GRADING + " is '" + a8 + "', not the grade Ⅱ "
                            + "threshold this test moves");
                }
                bundledThreshold = Integer.parseInt(a8.substring(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The threshold of the bundled tables (30). */
    int bundledThreshold() {
        return bundledThreshold;
    }

    /** What a variant answers for cholera in one county with this many cases (at least 10). */
    static String grade(int threshold, int cases) {
        return cases >= threshold ? "Ⅱ" : "Ⅲ";
    }

    /**
     * All bundled workbooks, national-grading.xlsx with grade Ⅱ from {@code threshold} (more than 15, where the
     * other cholera tests sit) and {@code note} in the row's NOTE cell, so that equal thresholds still make
     * distinct versions.
     */
    Map<String, byte[]> withThreshold(int threshold, String note) {
        if (threshold <= 15) {
            throw new IllegalArgumentException("threshold " + threshold + " would contradict the cholera tests at 15 "
                    + "cases");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bundled.get(GRADING)))) {
            Sheet cholera = wb.getSheet("Cholera");
            Sheet tests = wb.getSheet("Tests");
            expect(cholera, 9, 0, "10～" + (bundledThreshold - 1));
            expect(tests, 32, 1, String.valueOf(bundledThreshold - 1));
            expect(tests, 33, 1, String.valueOf(bundledThreshold));
            cholera.getRow(7).getCell(0).setCellValue("≥" + threshold);
            cholera.getRow(9).getCell(0).setCellValue("10～" + (threshold - 1));
            cholera.getRow(7).getCell(9).setCellValue(note);
            tests.getRow(32).getCell(1).setCellValue(threshold - 1);
            tests.getRow(33).getCell(1).setCellValue(threshold);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            Map<String, byte[]> all = new LinkedHashMap<>(bundled);
            all.put(GRADING, out.toByteArray());
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void expect(Sheet sheet, int row, int column, String value) {
        String actual = text(sheet, row, column);
        if (!actual.equals(value)) {
            throw new IllegalStateException(sheet.getSheetName() + " row " + (row + 1) + " column " + (column + 1)
                    + " of " + GRADING + " is '" + actual + "', expected '" + value + "': update this test");
        }
    }

    private static String text(Sheet sheet, int row, int column) {
        Cell c = sheet.getRow(row).getCell(column);
        return switch (c.getCellType()) {
            case NUMERIC -> String.valueOf((long) c.getNumericCellValue());
            default -> c.getStringCellValue().trim();
        };
    }
}
