package org.beacon.rules.impact;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.beacon.rules.model.WorkbookSource;

/**
 * The bundled tables with cholera's grade Ⅱ from 25 cases instead of 30, as the README's expert round trip makes
 * them: {@code Cholera!A8} {@code ≥30 → ≥25}, and the test of 29 cases ({@code Tests!N33:P33}) expecting Ⅱ, orange,
 * {@code Cholera!R8}.
 */
public final class CholeraThreshold {

    public static final String GRADING = "national-grading.xlsx";

    private CholeraThreshold() {
    }

    public static List<WorkbookSource> loweredTo25(List<WorkbookSource> bundled) {
        List<WorkbookSource> changed = new ArrayList<>();
        for (WorkbookSource s : bundled) {
            changed.add(s.name().equals(GRADING) ? new WorkbookSource(s.name(), edit(s.bytes())) : s);
        }
        return changed;
    }

    private static byte[] edit(byte[] workbook) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet cholera = wb.getSheet("Cholera");
            Sheet tests = wb.getSheet("Tests");
            expect(cholera.getRow(7).getCell(0), "≥30");
            expect(tests.getRow(32).getCell(13), "Ⅲ");
            cholera.getRow(7).getCell(0).setCellValue("≥25");
            tests.getRow(32).getCell(13).setCellValue("Ⅱ");
            tests.getRow(32).getCell(14).setCellValue("orange");
            tests.getRow(32).getCell(15).setCellValue("Cholera!R8");
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void expect(Cell cell, String value) {
        if (!cell.getStringCellValue().trim().equals(value)) {
            throw new IllegalStateException(cell.getSheet().getSheetName() + "!" + cell.getAddress() + " is '"
                    + cell.getStringCellValue() + "', not '" + value + "': the bundled tables moved, update this "
                    + "test");
        }
    }
}
