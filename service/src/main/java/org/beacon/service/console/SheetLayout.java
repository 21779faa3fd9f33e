package org.beacon.service.console;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import org.beacon.rules.workbook.SheetData;

/**
 * Where a sheet's header rows are, so a grid can show them as headers (and repeat the header on later pages): the
 * sheets Beacon reads are known by the keyword in A1 (tables/README.md). A Table sheet has its properties from
 * row 1 to the first blank row and its column header on the next row that is not blank; the other kinds have
 * their header on row 2. Sheets without a keyword (notes) have none.
 *
 * @param propertiesEnd the last property row of a Table sheet; 0 for other sheets
 * @param header the header row; 0 when the sheet has none
 */
record SheetLayout(int propertiesEnd, int header) {

    private static final Set<String> TABLE = Set.of("table", "决策表");
    private static final Set<String> HEADER_ON_ROW_2 = Set.of("dictionary", "指标字典", "parameters", "参数",
            "colours", "colors", "预警颜色", "actions", "措施目录", "tests", "测试");

    static SheetLayout of(SheetData sheet) {
        String a1 = Normalizer.normalize(sheet.text(1, 1), Normalizer.Form.NFKC).replaceAll("\\s+", " ").trim()
                .toLowerCase(Locale.ROOT);
        if (HEADER_ON_ROW_2.contains(a1)) {
            return new SheetLayout(0, 2);
        }
        if (!TABLE.contains(a1)) {
            return new SheetLayout(0, 0);
        }
        int row = 1;
        while (row <= sheet.lastRow() && !sheet.isRowBlank(row)) {
            row++;
        }
        int propertiesEnd = row - 1;
        while (row <= sheet.lastRow() && sheet.isRowBlank(row)) {
            row++;
        }
        return new SheetLayout(propertiesEnd, row <= sheet.lastRow() ? row : 0);
    }

    boolean isProperty(int row) {
        return row <= propertiesEnd;
    }
}
