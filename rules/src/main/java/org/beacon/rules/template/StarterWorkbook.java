package org.beacon.rules.template;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.HitPolicy;
import org.beacon.rules.model.WarningColour;

/**
 * Writes the starter workbook of {@code beacon new}: a measles table graded Ⅱ–Ⅳ from weekly cases and deaths, one
 * threshold as a parameter, a second table giving an ordered output {@code level} (Low &lt; Medium &lt; High) under
 * {@code highest level}, so the higher of two levels is shown rather than encoded as an order of rows, tests on both
 * sides of every threshold (the tables require it: {@code Coverage: required}), and drop-downs (hit policies, Gaps,
 * Coverage, indicator types, header words, grades, colours, levels, tags) so a first edit picks a word the reader
 * accepts. It passes {@code beacon check} as written. Immutable; writes a new workbook on each call.
 */
public final class StarterWorkbook {

    /** The language of the sheet names, keywords and explanations; values (grades, cells) are the same in both. */
    public enum Language {
        ZH, EN
    }

    /** The file name {@code beacon new} gives it. */
    public static final String FILE_NAME = "starter.xlsx";

    /** How many rows below a header get the drop-downs: room for a first table without reaching the limits. */
    private static final int EDITABLE_ROWS = 200;

    private final Language language;

    public StarterWorkbook(Language language) {
        this.language = language;
    }

    /** Writes the workbook to {@code out} (not closed). */
    public void write(OutputStream out) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFCellStyle bold = wb.createCellStyle();
            XSSFFont font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            about(wb.createSheet(t("说明", "About")));
            dictionary(wb.createSheet(t("指标字典", "Dictionary")), bold);
            parameters(wb.createSheet(t("参数", "Parameters")), bold);
            table(wb.createSheet("Measles"), bold);
            levelTable(wb.createSheet("Level"), bold);
            tests(wb.createSheet(t("测试", "Tests")), bold);
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void about(XSSFSheet s) {
        String[] lines = language == Language.ZH ? new String[] {
            "Beacon 入门工作簿",
            "每个以 A1 关键词开头的工作表都会被读取：指标字典、参数、决策表（此处为 Measles 和 Level）、测试。本页不会被读取。",
            "1. 在“指标字典”中为每个指标写一行：名称、类型（下拉选择）、最小值、最大值。",
            "2. 在决策表中，每一行是一条规则：如果 列写条件（≥30、10～29、[10, 30)、-），则 列写结论（级别、颜色、文字）。",
            "Level 表用“最高 level”取两个等级中较高者：低 < 中 < 高 的顺序写在指标字典中，无需排列行的顺序。",
            "3. 在“测试”中，为每个阈值两侧各写一个用例；“覆盖: 必需”要求每一行都有用例回答。",
            "4. 运行 ./beacon check <文件夹> 检查；./beacon evaluate <文件夹> --event measles --set cases=12 试算。",
            "格式说明：tables/README.md（“第一张表”一节）。",
        } : new String[] {
            "Beacon starter workbook",
            "Every sheet whose A1 is a keyword is read: Dictionary, Parameters, Table (here: Measles and Level), Tests. "
                    + "This one is not.",
            "1. In Dictionary, one row per indicator: its name, type (pick from the list), Min and Max.",
            "2. In the table, each row is a rule: IF columns hold conditions (≥30, 10～29, [10, 30), -), THEN columns "
                    + "the answer (grade, colour, text).",
            "The Level table keeps the higher of two levels with 'highest level': the order Low < Medium < High is "
                    + "declared in Dictionary, no order of rows needed.",
            "3. In Tests, one case on each side of every threshold; 'Coverage: required' makes every row need one.",
            "4. Run ./beacon check <folder> to check it; ./beacon evaluate <folder> --event measles --set cases=12 to "
                    + "try it.",
            "The format: tables/README.md (section \"Your first table\").",
        };
        for (int i = 0; i < lines.length; i++) {
            s.createRow(i).createCell(0).setCellValue(lines[i]);
        }
        s.setColumnWidth(0, 120 * 256);
    }

    private void dictionary(XSSFSheet s, XSSFCellStyle bold) {
        title(s, t("指标字典", "Dictionary"), null, bold);
        header(s, 1, bold, t("名称", "Name"), t("类型", "Type"), t("取值", "Values"), t("单位", "Unit"),
                t("最小值", "Min"), t("最大值", "Max"), "说明", t("英文说明", "Description"));
        row(s, 2, "eventType", "enum", "measles", "", null, null, "事件类型", "event type");
        row(s, 3, "cases", "integer", "", t("例", "cases"), 0, 100000, "1周内病例数", "cases in a week");
        row(s, 4, "deaths", "integer", "", t("人", "deaths"), 0, 100000, "死亡人数", "deaths");
        row(s, 5, "level", "enum", String.join(" < ", levels()), "", null, null, "风险等级（从低到高）",
                "level, least serious first");
        dropDown(s, 2, 1, List.of("integer", "decimal", "boolean", "enum", "text"));
        widen(s, 8);
    }

    private void parameters(XSSFSheet s, XSSFCellStyle bold) {
        title(s, t("参数", "Parameters"), null, bold);
        header(s, 1, bold, t("名称", "Name"), t("取值", "Value"), "说明", t("英文说明", "Description"),
                t("来源", "Source"));
        row(s, 2, "measles_III_minCases", 10, "Ⅲ级的最少病例数", "fewest cases for grade Ⅲ", "");
        widen(s, 5);
    }

    private void table(XSSFSheet s, XSSFCellStyle bold) {
        title(s, t("决策表", "Table"), t("麻疹 Measles", "Measles 麻疹"), bold);
        row(s, 1, t("命中策略", "Hit policy"), language == Language.ZH ? "最高级别" : HitPolicy.HIGHEST_GRADE.label());
        row(s, 2, t("事件类型", "Event types"), "measles");
        row(s, 3, t("空缺", "Gaps"), t("允许", "expected"));
        row(s, 4, t("覆盖", "Coverage"), t("必需", "required"));
        row(s, 5, t("说明", "Description"), t("低于所有阈值的情形不定级。", "Below every threshold is not a graded event."));
        String when = t("如果 ", "IF ");
        String then = t("则 ", "THEN ");
        List<String> headers = List.of(when + "cases", when + "deaths", then + "grade", then + "colour",
                then + "label", t("来源", "SOURCE"), t("可信度", "TAG"), t("备注", "NOTE"));
        header(s, 7, bold, headers.toArray(String[]::new));
        row(s, 8, "≥50", "-", "Ⅱ", "", t("1周50例以上", "50 cases or more in a week"), "", "M", "");
        row(s, 9, "≥ {measles_III_minCases}", "-", "Ⅲ", "", t("1周10例以上", "10 cases or more in a week"), "", "M",
                "");
        row(s, 10, "-", "≥1", "Ⅲ", "", t("有死亡病例", "a death"), "", "M", "");
        row(s, 11, "≥1", "-", "Ⅳ", "", t("有病例", "any case"), "", "M", "");
        properties(s, headers.size());
        dropDown(s, 8, 2, Arrays.stream(Grade.values()).map(Grade::numeral).toList());
        dropDown(s, 8, 3, Arrays.stream(WarningColour.values()).map(WarningColour::code).toList());
        dropDown(s, 8, 6, List.of("V", "C", "M"));
        widen(s, headers.size());
    }

    /** The higher of two levels: a level from the cases and one from the deaths, the more serious answering. */
    private void levelTable(XSSFSheet s, XSSFCellStyle bold) {
        List<String> level = levels();
        title(s, t("决策表", "Table"), t("麻疹风险等级 Measles level", "Measles level 麻疹风险等级"), bold);
        row(s, 1, t("命中策略", "Hit policy"), t("最高 level", "highest level"));
        row(s, 2, t("事件类型", "Event types"), "measles");
        row(s, 3, t("空缺", "Gaps"), t("允许", "expected"));
        row(s, 4, t("覆盖", "Coverage"), t("必需", "required"));
        row(s, 5, t("说明", "Description"), t("病例给出一个等级，死亡给出另一个，取较高者（无需排列行的顺序）。",
                "Cases give one level, deaths another; the higher one answers (no order of rows needed)."));
        String when = t("如果 ", "IF ");
        String then = t("则 ", "THEN ");
        List<String> headers = List.of(when + "cases", when + "deaths", then + "level", then + "label",
                t("来源", "SOURCE"), t("可信度", "TAG"), t("备注", "NOTE"));
        header(s, 7, bold, headers.toArray(String[]::new));
        row(s, 8, "≥1", "-", level.get(0), t("有病例", "any case"), "", "M", "");
        row(s, 9, "≥10", "-", level.get(1), t("1周10例以上", "10 cases or more in a week"), "", "M", "");
        row(s, 10, "-", "≥1", level.get(2), t("有死亡病例", "a death"), "", "M", "");
        properties(s, headers.size());
        dropDown(s, 8, 2, level);
        dropDown(s, 8, 5, List.of("V", "C", "M"));
        widen(s, headers.size());
    }

    /** The drop-downs of a table's properties and header row, the same on every table sheet. */
    private void properties(XSSFSheet s, int columns) {
        dropDown(s, 1, 1, 1, 1, language == Language.ZH ? List.of("首条命中", "最高级别", "最高 level", "全部命中")
                : List.of(HitPolicy.FIRST_MATCH.label(), HitPolicy.HIGHEST_GRADE.label(), "highest level",
                        HitPolicy.COLLECT_ALL.label()));
        dropDown(s, 3, 3, 1, 1, language == Language.ZH ? List.of("允许", "报告") : List.of("expected", "report"));
        dropDown(s, 4, 4, 1, 1, language == Language.ZH ? List.of("必需", "报告") : List.of("required", "report"));
        String when = t("如果 ", "IF ");
        String then = t("则 ", "THEN ");
        dropDown(s, 7, 7, 0, columns + 3, List.of(when + "cases", when + "deaths", then + "grade",
                then + "colour", then + "level", then + "label", then + "actions", t("来源", "SOURCE"),
                t("可信度", "TAG"), t("备注", "NOTE")));
    }

    /** The ordered output's values, least serious first. */
    private List<String> levels() {
        return language == Language.ZH ? List.of("低", "中", "高") : List.of("Low", "Medium", "High");
    }

    private void tests(XSSFSheet s, XSSFCellStyle bold) {
        title(s, t("测试", "Tests"), null, bold);
        String given = t("已知 ", "GIVEN ");
        String expect = t("预期 ", "EXPECT ");
        header(s, 1, bold, given + "eventType", given + "cases", given + "deaths", expect + "grade",
                expect + "level", expect + "rows", t("备注", "NOTE"));
        List<String> level = levels();
        String none = t("无", "none");
        row(s, 2, "measles", 0, 0, none, none, none, t("低于所有阈值", "below every threshold"));
        row(s, 3, "measles", 1, 0, "Ⅳ", level.get(0), "Measles!R12, Level!R9", "");
        row(s, 4, "measles", 9, 0, "Ⅳ", level.get(0), "Measles!R12, Level!R9", t("Ⅲ级阈值之下", "just below Ⅲ"));
        row(s, 5, "measles", 10, 0, "Ⅲ", level.get(1), "Measles!R10, Level!R10", t("10例含10例", "10 included"));
        row(s, 6, "measles", 49, 0, "Ⅲ", level.get(1), "Measles!R10, Level!R10", t("Ⅱ级阈值之下", "just below Ⅱ"));
        row(s, 7, "measles", 50, 0, "Ⅱ", level.get(1), "Measles!R9, Level!R10", t("50例含50例", "50 included"));
        row(s, 8, "measles", 1, 1, "Ⅲ", level.get(2), "Measles!R11, Level!R11", t("死亡病例", "a death"));
        row(s, 9, "measles", 12, 1, "Ⅲ", level.get(2), "Measles!R10, Level!R11",
                t("中与高取较高者：高", "the higher of Medium and High: High"));
        dropDown(s, 2, 3, Arrays.stream(Grade.values()).map(Grade::numeral).toList());
        dropDown(s, 2, 4, level);
        widen(s, 7);
    }

    private String t(String zh, String en) {
        return language == Language.ZH ? zh : en;
    }

    private static void title(XSSFSheet s, String keyword, String title, XSSFCellStyle bold) {
        XSSFRow r = s.createRow(0);
        r.createCell(0).setCellValue(keyword);
        r.getCell(0).setCellStyle(bold);
        if (title != null) {
            r.createCell(1).setCellValue(title);
        }
    }

    private static void header(XSSFSheet s, int row, XSSFCellStyle bold, String... names) {
        XSSFRow r = s.createRow(row);
        for (int c = 0; c < names.length; c++) {
            r.createCell(c).setCellValue(names[c]);
            r.getCell(c).setCellStyle(bold);
        }
    }

    /** A row of values: text, whole numbers, or null for an empty cell. */
    private static void row(XSSFSheet s, int row, Object... values) {
        XSSFRow r = s.createRow(row);
        for (int c = 0; c < values.length; c++) {
            if (values[c] instanceof Integer n) {
                r.createCell(c).setCellValue(n);
            } else if (values[c] instanceof String text && !text.isEmpty()) {
                r.createCell(c).setCellValue(text);
            }
        }
    }

    /** A drop-down on column {@code col} from row {@code firstRow} for the rows an expert will fill. */
    private static void dropDown(XSSFSheet s, int firstRow, int col, List<String> words) {
        dropDown(s, firstRow, firstRow + EDITABLE_ROWS, col, col, words);
    }

    /**
     * A drop-down offering {@code words} on the cells; typing another word is only warned about, because a cell may
     * also hold what a list cannot offer (a parameter, another header).
     */
    private static void dropDown(XSSFSheet s, int firstRow, int lastRow, int firstCol, int lastCol,
            List<String> words) {
        DataValidationHelper helper = s.getDataValidationHelper();
        DataValidation v = helper.createValidation(helper.createExplicitListConstraint(words.toArray(String[]::new)),
                new CellRangeAddressList(firstRow, lastRow, firstCol, lastCol));
        v.setErrorStyle(DataValidation.ErrorStyle.WARNING);
        v.setShowErrorBox(true);
        v.setSuppressDropDownArrow(true);
        s.addValidationData(v);
    }

    private static void widen(XSSFSheet s, int columns) {
        for (int c = 0; c < columns; c++) {
            s.setColumnWidth(c, 22 * 256);
        }
    }
}
