package org.beacon.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Copies of a workbook changed the way an expert changes one in Excel, for tests of diffs and uploads. */
public final class WorkbookEdits {

    private WorkbookEdits() {
    }

    /**
     * The workbook with the first {@code count} cases of its {@code Tests} sheet whose {@code GIVEN eventType} (column
     * A) is {@code eventType} deleted, as an expert clears their rows.
     *
     * @throws IllegalArgumentException when the sheet has fewer such cases
     */
    public static byte[] withoutTests(byte[] workbook, String eventType, int count) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet tests = wb.getSheet("Tests");
            List<Row> matching = new ArrayList<>();
            tests.forEach(row -> {
                if (row.getRowNum() > 1 && row.getCell(0) != null && row.getCell(0).toString().trim()
                        .equals(eventType)) {
                    matching.add(row);
                }
            });
            if (matching.size() < count) {
                throw new IllegalArgumentException("the Tests sheet has " + matching.size() + " cases of "
                        + eventType + ", not " + count);
            }
            matching.subList(0, count).forEach(tests::removeRow);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
