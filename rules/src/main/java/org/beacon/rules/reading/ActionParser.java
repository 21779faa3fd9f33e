package org.beacon.rules.reading;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.beacon.rules.model.ActionDefinition;
import org.beacon.rules.model.CellRef;
import org.beacon.rules.model.ExpertText;
import org.beacon.rules.model.Findings;
import org.beacon.rules.model.Message;
import org.beacon.rules.model.TypedOutputs;
import org.beacon.rules.workbook.SheetData;

/** Reads an Actions sheet (the action catalogue): row 2 is the header, every following row one measure. */
final class ActionParser {

    static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-]{0,63}");
    private static final Pattern TAG = Pattern.compile("[VCM]?");
    private static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("code", List.of("Code", "代码"));
        COLUMNS.put("zh", List.of("措施", "措施名称"));
        COLUMNS.put("en", List.of("Action", "Measure"));
        COLUMNS.put("leadZh", List.of("牵头单位"));
        COLUMNS.put("leadEn", List.of("Lead", "Lead department"));
        COLUMNS.put("respZh", List.of("责任单位"));
        COLUMNS.put("respEn", List.of("Responsible", "Responsible departments"));
        COLUMNS.put("hours", List.of("时限(小时)", "时限（小时）", "Within hours", "时限"));
        COLUMNS.put("source", List.of("Source", "来源"));
        COLUMNS.put("tag", List.of("Tag", "可信度"));
    }

    private ActionParser() {
    }

    static void parse(SheetData sheet, Map<String, ActionDefinition> into, Findings findings) {
        FixedHeader header = new FixedHeader(sheet, 2, COLUMNS, List.of("code", "zh", "leadZh"), findings);
        for (int row : sheet.rowNumbers()) {
            if (row <= 2) {
                continue;
            }
            String code = header.text(sheet, row, "code");
            String codeCell = header.cell(sheet, row, "code");
            if (code.isEmpty()) {
                findings.error(codeCell, Message.of("EMPTY_REQUIRED_CELL.actionCode"));
                continue;
            }
            if (!CODE.matcher(code).matches()) {
                findings.error(codeCell, Message.of("INVALID_VALUE.actionCode", code));
                continue;
            }
            ActionDefinition earlier = into.get(code);
            if (earlier != null) {
                findings.error(codeCell, Message.of("DUPLICATE_ACTION", code, earlier.location()));
                continue;
            }
            if (header.text(sheet, row, "zh").isEmpty() || header.text(sheet, row, "leadZh").isEmpty()) {
                String key = header.text(sheet, row, "zh").isEmpty() ? "zh" : "leadZh";
                findings.error(header.cell(sheet, row, key), Message.of(key.equals("zh")
                        ? "EMPTY_REQUIRED_CELL.actionDescription" : "EMPTY_REQUIRED_CELL.actionLead", code));
                continue;
            }
            Integer hours = null;
            String hoursText = ExpertText.normalize(header.text(sheet, row, "hours"));
            if (!hoursText.isEmpty()) {
                hours = TypedOutputs.hours(hoursText.matches("\\d{1,4}") ? hoursText + "h" : hoursText).orElse(null);
                if (hours == null) {
                    findings.error(header.cell(sheet, row, "hours"), Message.of("INVALID_VALUE.hours", hoursText));
                    continue;
                }
            }
            String tag = header.text(sheet, row, "tag").toUpperCase(Locale.ROOT);
            if (!TAG.matcher(tag).matches()) {
                findings.error(header.cell(sheet, row, "tag"), Message.of("INVALID_VALUE.actionTag", tag));
                continue;
            }
            into.put(code, new ActionDefinition(code, header.text(sheet, row, "zh"), header.text(sheet, row, "en"),
                    departments(header.text(sheet, row, "leadZh")), departments(header.text(sheet, row, "leadEn")),
                    departments(header.text(sheet, row, "respZh")), departments(header.text(sheet, row, "respEn")),
                    hours, header.text(sheet, row, "source"), tag, CellRef.row(sheet.name(), row)));
        }
    }

    /** Departments separated by 、，, ; or new lines. */
    private static List<String> departments(String text) {
        List<String> out = new ArrayList<>();
        Arrays.stream(text.split("[、，,;；\\n]")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }
}
