package org.beacon.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.beacon.rules.Compilation;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.decision.Decision;
import org.beacon.rules.model.AdminLevel;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.Region;
import org.beacon.rules.model.Situation;
import org.beacon.rules.model.WorkbookSource;

/**
 * A valid Beacon workbook with one decision table of any number of rows, written with POI the way an expert types
 * one (numbers as numeric cells, everything else as text), for issue 10's compile figures.
 *
 * <p>The table {@code Generated} grades by event type (a symbol condition over 12 types), the region's level (lists
 * and negations), cases (intervals written in three notations), deaths and the ratio to the 5-year mean (comparisons
 * and "any"), and gives a grade, a colour, actions from an {@code Actions} catalogue, a label, a source and a tag.
 * Row {@code i} (0-based) has event type {@code i mod 12} and a case band of its own ({@code [10b, 10b + 10)} with
 * {@code b = i div 12}), so no two rows overlap under first match, and gaps are expected. A Tests sheet of
 * {@value #TEST_CASES} cases spread over the table is run by every compile, as in the bundled workbooks.
 *
 * <p>Everything is a pure function of the row index, so {@link #situationFor} can build a situation that hits any
 * given row and {@link #check} can prove a compiled set decides it.
 */
final class GeneratedWorkbook {

    static final String SHEET = "Generated";
    /** Excel row of the first rule: Table, Hit policy, Gaps, a blank row, the header. */
    static final int FIRST_RULE_ROW = 6;
    static final int TEST_CASES = 10;

    private static final List<String> EVENT_TYPES = List.of("cholera", "plague", "anthrax", "measles", "dengue",
            "influenza", "hepatitisA", "typhoid", "dysentery", "scarletFever", "foodPoisoning", "occupational");
    private static final String[] ADMIN = {"-", "county", "county, township", "not province", "prefecture, county"};
    private static final String[] GRADES = {"Ⅳ", "Ⅲ", "Ⅱ", "Ⅰ"};
    private static final String[] COLOURS = {"blue", "yellow", "orange", "red"};
    private static final String[] ACTIONS = {"report", "report, investigate", "investigate, isolateCases, "
            + "closeSchools", "isolateCases, closeSchools, lockdown, nationalTeam"};

    private final int rows;

    GeneratedWorkbook(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("a generated table needs at least one row, not " + rows);
        }
        this.rows = rows;
    }

    int rows() {
        return rows;
    }

    WorkbookSource source() {
        return new WorkbookSource("generated-" + rows + ".xlsx", bytes());
    }

    byte[] bytes() {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            dictionary(wb.createSheet("Dictionary"));
            colours(wb.createSheet("Colours"));
            actions(wb.createSheet("Actions"));
            table(wb.createSheet(SHEET));
            tests(wb.createSheet("Tests"));
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void dictionary(XSSFSheet s) {
        row(s, 0, "Dictionary");
        row(s, 1, "Name", "Type", "Values", "Unit", "Min", "Max", "说明", "Description");
        row(s, 2, "eventType", "enum", String.join(", ", EVENT_TYPES), "", null, null, "事件类型", "event type");
        row(s, 3, "adminLevel", "enum", "province, prefecture, county, township", "", null, null, "行政级别",
                "administrative level of the region");
        row(s, 4, "cases", "integer", null, "例", 0, 1_000_000, "病例数", "cases");
        row(s, 5, "deaths", "integer", null, "人", 0, 100_000, "死亡数", "deaths");
        row(s, 6, "ratio5y", "decimal", null, "", 0, 1000, "与5年同期均值之比", "ratio to the 5-year mean");
    }

    private static void colours(XSSFSheet s) {
        row(s, 0, "Colours");
        row(s, 1, "Grade", "Colour", "说明", "Source");
        for (int g = 0; g < 4; g++) {
            row(s, 2 + g, GRADES[3 - g], COLOURS[3 - g], "", "generated");
        }
    }

    private static void actions(XSSFSheet s) {
        row(s, 0, "Actions");
        row(s, 1, "Code", "措施", "Action", "牵头单位", "Lead", "责任单位", "Responsible", "时限(小时)", "Source", "Tag");
        row(s, 2, "report", "报告", "report", "疾病预防控制机构", "CDC", "", "", 2, "generated", "M");
        row(s, 3, "investigate", "流行病学调查", "investigate", "疾病预防控制机构", "CDC", "医疗机构", "hospitals", 24,
                "generated", "M");
        row(s, 4, "isolateCases", "隔离治疗病人", "isolate cases", "卫生健康行政部门", "health department",
                "定点医疗机构", "designated hospitals", 0, "generated", "M");
        row(s, 5, "closeSchools", "停课", "suspend school", "教育行政部门", "education department", "", "", 24,
                "generated", "M");
        row(s, 6, "lockdown", "封锁疫区", "seal off the area", "人民政府", "government", "公安机关、交通运输部门",
                "police, transport", 12, "generated", "M");
        row(s, 7, "nationalTeam", "派出国家工作组", "national team", "国家卫生健康委", "NHC", "", "", 48,
                "generated", "M");
    }

    private void table(XSSFSheet s) {
        row(s, 0, "Table", "Generated (" + rows + " rows)");
        row(s, 1, "Hit policy", "first match");
        row(s, 2, "Gaps", "expected");
        row(s, 4, "IF eventType", "IF adminLevel", "IF cases", "IF deaths", "IF ratio5y", "THEN grade",
                "THEN colour", "THEN actions", "THEN label", "SOURCE", "TAG");
        for (int i = 0; i < rows; i++) {
            int g = grade(i);
            row(s, FIRST_RULE_ROW - 1 + i, EVENT_TYPES.get(i % EVENT_TYPES.size()), ADMIN[band(i) % ADMIN.length],
                    casesCell(i), deathsCell(i), ratioCell(i), GRADES[g], COLOURS[g], ACTIONS[g],
                    "自动生成 第" + (i + 1) + "行 generated row " + (i + 1), "generated §" + (i + 1), "M");
        }
    }

    private void tests(XSSFSheet s) {
        row(s, 0, "Tests");
        row(s, 1, "GIVEN eventType", "GIVEN adminLevel", "GIVEN cases", "GIVEN deaths", "GIVEN ratio5y",
                "EXPECT grade", "EXPECT colour", "EXPECT rows", "NOTE");
        for (int t = 0; t < TEST_CASES; t++) {
            int i = (int) ((long) (rows - 1) * t / Math.max(1, TEST_CASES - 1));
            Situation x = situationFor(i);
            Map<String, Object> v = x.indicators();
            row(s, 2 + t, x.eventType(), "county", v.get("cases"), v.get("deaths"), v.get("ratio5y"),
                    GRADES[grade(i)], COLOURS[grade(i)], ruleId(i), "hits generated row " + (i + 1));
        }
    }

    /** A county situation that only row {@code i} matches. */
    Situation situationFor(int i) {
        int deaths = switch (band(i) % 4) {
            case 1 -> 0;
            case 2 -> 3;
            default -> 1;
        };
        double ratio = band(i) % 3 == 2 ? 0.5 : 2.5;
        return new Situation(EVENT_TYPES.get(i % EVENT_TYPES.size()),
                Region.at("330106", "杭州市西湖区", AdminLevel.COUNTY), LocalDate.of(2026, 7, 1),
                Map.of("cases", band(i) * 10 + 5, "deaths", deaths, "ratio5y", ratio));
    }

    static String ruleId(int i) {
        return SHEET + "!R" + (FIRST_RULE_ROW + i);
    }

    /** Grade index (0 = Ⅳ … 3 = Ⅰ): the upper quarters of the case bands are graver. */
    private int grade(int i) {
        int bands = (rows + EVENT_TYPES.size() - 1) / EVENT_TYPES.size();
        return Math.min(3, band(i) * 4 / Math.max(1, bands));
    }

    private static int band(int i) {
        return i / EVENT_TYPES.size();
    }

    private static String casesCell(int i) {
        int low = band(i) * 10;
        return switch (band(i) % 3) {
            case 0 -> "[" + low + ", " + (low + 10) + ")";
            case 1 -> low + "～" + (low + 9);
            default -> low + "-" + (low + 9);
        };
    }

    private static String deathsCell(int i) {
        return switch (band(i) % 4) {
            case 0 -> "-";
            case 1 -> "0";
            case 2 -> "≥1";
            default -> "1～5";
        };
    }

    private static String ratioCell(int i) {
        return switch (band(i) % 3) {
            case 0 -> "any";
            case 1 -> "≥1.5";
            default -> "<1.5";
        };
    }

    /**
     * Proves a compile of this workbook decides correctly: no error, every test case passed, and the first, middle
     * and last rows each decided alone with their grade.
     */
    CompiledRuleSet check(Compilation c) {
        if (!c.succeeded()) {
            throw new IllegalStateException("generated table of " + rows + " rows does not compile: " + c.errors());
        }
        if (c.tests().size() != TEST_CASES || c.tests().stream().anyMatch(t -> !t.passed())) {
            throw new IllegalStateException("generated test sheet did not pass: " + c.tests());
        }
        CompiledRuleSet set = c.ruleSet().orElseThrow();
        for (int i : new int[] {0, rows / 2, rows - 1}) {
            Decision d = set.evaluate(situationFor(i));
            Grade expected = Grade.parse(GRADES[grade(i)]).orElseThrow();
            if (!d.firedRules().equals(List.of(ruleId(i))) || d.grade() != expected) {
                throw new IllegalStateException("generated row " + ruleId(i) + " was not decided: fired "
                        + d.firedRules() + ", grade " + d.grade() + " (expected " + expected + ")");
            }
        }
        return set;
    }

    private static void row(XSSFSheet s, int index, Object... cells) {
        XSSFRow r = s.createRow(index);
        for (int c = 0; c < cells.length; c++) {
            Object v = cells[c];
            if (v instanceof Number n) {
                r.createCell(c).setCellValue(n.doubleValue());
            } else if (v != null) {
                r.createCell(c).setCellValue(v.toString());
            }
        }
    }
}
