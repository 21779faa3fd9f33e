package org.beacon.rules.replay.report;

import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Appends rows of typed cells to a sheet: numbers stay numbers, dates become date cells, null an empty cell. Used by
 * every report workbook Beacon writes (replays, impact).
 */
public final class ReportTable {

    private final XSSFSheet sheet;
    private final Styles styles;
    private int next;

    public ReportTable(XSSFSheet sheet, Styles styles) {
        this.sheet = sheet;
        this.styles = styles;
    }

    public void header(Object... values) {
        Row r = row(values);
        r.forEach(cell -> cell.setCellStyle(styles.header));
        sheet.createFreezePane(0, 1);
    }

    public Row row(Object... values) {
        Row r = sheet.createRow(next++);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                continue;
            }
            Cell cell = r.createCell(i);
            if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (v instanceof LocalDate d) {
                cell.setCellValue(d);
                cell.setCellStyle(styles.date);
            } else {
                cell.setCellValue(v.toString());
            }
        }
        return r;
    }

    void percent(String label, double value) {
        row(label, value).getCell(1).setCellStyle(styles.percent);
    }

    public ReportTable width(int column, int characters) {
        sheet.setColumnWidth(column, characters * 256);
        return this;
    }

    /** The cell styles of one report workbook, created once. */
    public static final class Styles {
        final CellStyle header;
        final CellStyle date;
        final CellStyle percent;

        public Styles(XSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
        }
    }
}
