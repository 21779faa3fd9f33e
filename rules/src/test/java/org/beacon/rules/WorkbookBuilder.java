package org.beacon.rules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.beacon.rules.model.WorkbookSource;

/**
 * Builds workbooks in tests, the way an expert would type them: numbers as numeric cells, everything else as text.
 * Also offers a small valid grading workbook to start defect variants from.
 */
public final class WorkbookBuilder {

    private final XSSFWorkbook workbook = new XSSFWorkbook();

    public Sheet sheet(String name) {
        return new Sheet(workbook.createSheet(name));
    }

    public byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            workbook.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WorkbookSource source(String name) {
        return new WorkbookSource(name, bytes());
    }

    public List<WorkbookSource> sources(String name) {
        return List.of(source(name));
    }

    /** One sheet, filled row by row from row 1. */
    public static final class Sheet {
        private final XSSFSheet sheet;
        private int next;

        Sheet(XSSFSheet sheet) {
            this.sheet = sheet;
        }

        /** Writes the next row; a null cell is left empty, a Number is a numeric cell. */
        public Sheet row(Object... cells) {
            XSSFRow row = sheet.createRow(next++);
            for (int i = 0; i < cells.length; i++) {
                Object v = cells[i];
                if (v instanceof Number n) {
                    row.createCell(i).setCellValue(n.doubleValue());
                } else if (v instanceof Boolean b) {
                    row.createCell(i).setCellValue(b);
                } else if (v != null) {
                    row.createCell(i).setCellValue(v.toString());
                }
            }
            return this;
        }

        public Sheet blank() {
            next++;
            return this;
        }

        /** Merges cells, as Excel's Merge and Center does ({@code A1:C1}); the text stays in the top-left cell. */
        public Sheet merge(String range) {
            sheet.addMergedRegion(org.apache.poi.ss.util.CellRangeAddress.valueOf(range));
            return this;
        }

        /**
         * Sets a formula in a cell of an already written row (1-based). With {@code saveValue} the test (not
         * Beacon) evaluates it, so the file carries the value Excel would have saved.
         */
        public Sheet formula(int row, int column, String formula, boolean saveValue) {
            var cell = sheet.getRow(row - 1).createCell(column - 1);
            cell.setCellFormula(formula);
            if (saveValue) {
                sheet.getWorkbook().getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell);
            }
            return this;
        }
    }

    /** Dictionary: eventType (cholera, plague, food), cases, deaths, ratio, spreading, setting (text). */
    public WorkbookBuilder dictionary() {
        sheet("Dictionary").row("Dictionary")
                .row("Name", "Type", "Values", "Unit", "Min", "Max", "说明", "Description")
                .row("eventType", "enum", "cholera, plague, food", "", null, null, "事件类型", "event type")
                .row("cases", "integer", null, "例", 0, 100000, "病例数", "cases")
                .row("deaths", "integer", null, "人", 0, 100000, "死亡数", "deaths")
                .row("ratio", "decimal", null, "", 0, 1000, "与5年同期均值之比", "ratio to 5-year mean")
                .row("spreading", "boolean", null, "", null, null, "有扩散趋势", "spreading")
                .row("setting", "text", null, "", null, null, "场所", "setting");
        return this;
    }

    /**
     * A valid cholera table on sheet {@code Cholera}: rows 6 (≥30 → Ⅱ), 7 (10～29 → Ⅲ), 8 (1～9 → Ⅳ), under
     * highest grade, limited to event type cholera.
     */
    public WorkbookBuilder choleraTable() {
        sheet("Cholera").row("Table", "Cholera 霍乱")
                .row("Hit policy", "highest grade")
                .row("Event types", "cholera")
                .blank()
                .row("IF cases", "THEN grade", "THEN label", "SOURCE", "TAG")
                .row("≥30", "Ⅱ", "霍乱 1周≥30例", "criteria §2 Ⅱ-4", "V")
                .row("10～29", "Ⅲ", "霍乱 1周10～29例", "criteria §2 Ⅲ-3", "V")
                .row("1～9", "Ⅳ", "霍乱 1周9例以下", "criteria §2 Ⅳ-2", "V");
        return this;
    }

    public static WorkbookBuilder cholera() {
        return new WorkbookBuilder().dictionary().choleraTable();
    }

    /**
     * A rule set for US states and counties alone (its Dictionary's adminLevel is {@code state, county}): table
     * {@code Level} grades a county Ⅲ from 5 new cases in 7 days ({@code Level!R6}) and a state from 20.
     */
    public static WorkbookBuilder statesAndCounties() {
        WorkbookBuilder b = new WorkbookBuilder();
        b.sheet("Dictionary").row("Dictionary").row("Name", "Type", "Values", "Min", "Max")
                .row("eventType", "enum", "flu", null, null)
                .row("adminLevel", "enum", "state, county", null, null)
                .row("newCases7d", "integer", null, 0, 1000000);
        b.sheet("Level").row("Table").row("Hit policy", "highest grade").row("Gaps", "expected").blank()
                .row("IF adminLevel", "IF newCases7d", "THEN grade")
                .row("county", "≥5", "Ⅲ").row("state", "≥20", "Ⅲ");
        return b;
    }
}
