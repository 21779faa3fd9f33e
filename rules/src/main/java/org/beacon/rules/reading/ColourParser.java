package org.beacon.rules.reading;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beacon.rules.model.Findings;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.Message;
import org.beacon.rules.model.WarningColour;
import org.beacon.rules.workbook.SheetData;

/** Reads a Colours sheet: the warning colour of each response grade. */
final class ColourParser {

    /** Ⅰ red, Ⅱ orange, Ⅲ yellow, Ⅳ blue: 突发事件应对法 Art. 63 (criteria §1.6), used when no Colours sheet exists. */
    static final Map<Grade, WarningColour> NATIONAL = Map.of(Grade.I, WarningColour.RED, Grade.II,
            WarningColour.ORANGE, Grade.III, WarningColour.YELLOW, Grade.IV, WarningColour.BLUE);

    private static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("grade", List.of("Grade", "级别", "响应级别"));
        COLUMNS.put("colour", List.of("Colour", "Color", "颜色", "预警颜色"));
        COLUMNS.put("zh", List.of("说明", "中文说明"));
        COLUMNS.put("source", List.of("Source", "来源"));
    }

    private ColourParser() {
    }

    static void parse(SheetData sheet, Map<Grade, WarningColour> into, Findings findings) {
        FixedHeader header = new FixedHeader(sheet, 2, COLUMNS, List.of("grade", "colour"), findings);
        Map<Grade, WarningColour> read = new EnumMap<>(Grade.class);
        for (int row : sheet.rowNumbers()) {
            if (row <= 2) {
                continue;
            }
            String gradeCell = header.cell(sheet, row, "grade");
            Grade grade = Grade.parse(header.text(sheet, row, "grade")).orElse(null);
            if (grade == null) {
                findings.error(gradeCell, Message.of("INVALID_VALUE.colourGrade", header.text(sheet, row, "grade")));
                continue;
            }
            WarningColour colour = WarningColour.parse(header.text(sheet, row, "colour")).orElse(null);
            if (colour == null) {
                findings.error(header.cell(sheet, row, "colour"), Message.of("INVALID_VALUE.colour",
                        header.text(sheet, row, "colour")));
                continue;
            }
            if (read.put(grade, colour) != null || into.containsKey(grade)) {
                findings.error(gradeCell, Message.of("DUPLICATE_ROW.colour", grade.numeral()));
            }
        }
        into.putAll(read);
    }
}
