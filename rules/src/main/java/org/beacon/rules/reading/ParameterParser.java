package org.beacon.rules.reading;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beacon.rules.model.ExpertText;
import org.beacon.rules.model.Findings;
import org.beacon.rules.model.Message;
import org.beacon.rules.workbook.SheetData;

/** Reads a Parameters sheet: named numbers that condition cells use as {@code {name}}. */
final class ParameterParser {

    private static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("name", List.of("Name", "名称"));
        COLUMNS.put("value", List.of("Value", "取值", "值"));
        COLUMNS.put("zh", List.of("说明", "中文说明"));
        COLUMNS.put("en", List.of("Description", "英文说明"));
        COLUMNS.put("source", List.of("Source", "来源"));
    }

    private ParameterParser() {
    }

    static void parse(SheetData sheet, Map<String, BigDecimal> into, Map<String, String> locations,
            Findings findings) {
        FixedHeader header = new FixedHeader(sheet, 2, COLUMNS, List.of("name", "value"), findings);
        for (int row : sheet.rowNumbers()) {
            if (row <= 2) {
                continue;
            }
            String name = header.text(sheet, row, "name");
            String nameCell = header.cell(sheet, row, "name");
            if (name.isEmpty()) {
                findings.error(nameCell, Message.of("EMPTY_REQUIRED_CELL.parameterName"));
                continue;
            }
            if (!CellText.IDENTIFIER.matcher(name).matches()) {
                findings.error(nameCell, Message.of("INVALID_VALUE.parameterName", name));
                continue;
            }
            if (into.containsKey(name)) {
                findings.error(nameCell, Message.of("DUPLICATE_PARAMETER", name, locations.get(name)));
                continue;
            }
            String value = ExpertText.normalize(header.text(sheet, row, "value"));
            String valueCell = header.cell(sheet, row, "value");
            if (value.isEmpty()) {
                findings.error(valueCell, Message.of("EMPTY_REQUIRED_CELL.parameterValue", name));
                continue;
            }
            try {
                into.put(name, new BigDecimal(value));
                locations.put(name, valueCell);
            } catch (NumberFormatException e) {
                findings.error(valueCell, Message.of("WRONG_TYPE.parameter", name, value));
            }
        }
    }
}
