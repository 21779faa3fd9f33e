package org.beacon.service.ruleset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.beacon.rules.Workbooks;

/**
 * What the hostile sweep of issue 18 uploaded: {@code tables/national-grading.xlsx} cut down to its Dictionary plus
 * one valid table of any number of rows (event type, admin level, cases in bands of 10, deaths, ratio to the 5-year
 * mean; grade, label, source, tag), each row matching situations no other row matches.
 */
public final class LargeWorkbooks {

    private static final String[] EVENT_TYPES = {"cholera", "pneumonicPlague", "bubonicPlague", "sars", "humanHpai",
            "classBC", "measles", "dengue", "typhoid", "dysentery", "influenza", "hfmd"};
    private static final String[] ADMIN = {"-", "county", "county, township", "not province", "prefecture, county"};
    private static final String[] DEATHS = {"-", "0", "≥1", "1～5"};
    private static final String[] RATIO = {"any", "≥1.5", "<1.5"};
    private static final String[] GRADES = {"Ⅳ", "Ⅲ", "Ⅱ", "Ⅰ"};

    private LargeWorkbooks() {
    }

    /** The national grading workbook's Dictionary and a table of {@code rows} rule rows on sheet {@code sheet}. */
    public static byte[] dictionaryAndTable(String sheet, int rows) throws IOException {
        try (InputStream in = Files.newInputStream(Workbooks.root().resolve("tables/national-grading.xlsx"));
                XSSFWorkbook template = new XSSFWorkbook(in)) {
            for (int i = template.getNumberOfSheets() - 1; i >= 0; i--) {
                if (!template.getSheetName(i).equals("Dictionary")) {
                    template.removeSheetAt(i);
                }
            }
            SXSSFWorkbook wb = new SXSSFWorkbook(template, 100);
            try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                Sheet s = wb.createSheet(sheet);
                row(s, 0, "Table", "generated, " + rows + " rows");
                row(s, 1, "Hit policy", "first match");
                row(s, 2, "Gaps", "expected");
                row(s, 4, "IF eventType", "IF adminLevel", "IF cases", "IF deaths", "IF ratioTo5yMean", "THEN grade",
                        "THEN label", "SOURCE", "TAG");
                int bands = (rows + EVENT_TYPES.length - 1) / EVENT_TYPES.length;
                for (int i = 0; i < rows; i++) {
                    int band = i / EVENT_TYPES.length;
                    row(s, 5 + i, EVENT_TYPES[i % EVENT_TYPES.length], ADMIN[band % ADMIN.length],
                            "[" + band * 10 + ", " + (band * 10 + 10) + ")", DEATHS[band % DEATHS.length],
                            RATIO[band % RATIO.length], GRADES[Math.min(3, band * 4 / bands)], "row " + (i + 1),
                            "generated §" + (i + 1), "M");
                }
                wb.write(out);
                return out.toByteArray();
            } finally {
                wb.dispose();
            }
        }
    }

    private static void row(Sheet s, int index, String... cells) {
        Row r = s.createRow(index);
        for (int c = 0; c < cells.length; c++) {
            r.createCell(c).setCellValue(cells[c]);
        }
    }
}
