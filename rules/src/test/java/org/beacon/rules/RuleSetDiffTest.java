package org.beacon.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.beacon.rules.diff.Change;
import org.beacon.rules.diff.RuleSetDiff;
import org.junit.jupiter.api.Test;

/** The diff an expert reads: thresholds that moved, answers that changed, rows and indicators added or removed. */
class RuleSetDiffTest {

    private static WorkbookBuilder grading(String iiCell, String iiiCell, String iiiGrade, boolean extraRow) {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        WorkbookBuilder.Sheet s = b.sheet("Cholera").row("Table", "Cholera").row("Hit policy", "highest grade")
                .row("Gaps", "expected").blank()
                .row("IF cases", "IF deaths", "THEN grade", "THEN label")
                .row("1～9", "-", "Ⅳ", "few");
        if (extraRow) {
            s.row("-", "≥1", "Ⅲ", "a death");
        }
        s.row(iiiCell, "-", iiiGrade, "cluster").row(iiCell, "-", "Ⅱ", "outbreak");
        return b;
    }

    private static List<Change> diff(WorkbookBuilder before, WorkbookBuilder after) {
        return RuleSetDiff.between(Workbooks.compiled(before).model(), Workbooks.compiled(after).model());
    }

    private static WorkbookBuilder withActions(String lead, Object hours, boolean closeSchools) {
        WorkbookBuilder b = grading("≥30", "10～29", "Ⅲ", false);
        WorkbookBuilder.Sheet s = b.sheet("Actions").row("Actions")
                .row("Code", "措施", "Action", "牵头单位", "Lead", "责任单位", "Responsible", "时限(小时)", "Source", "Tag")
                .row("isolateCases", "隔离治疗病人", "isolate cases", lead, "", "定点医疗机构", "", hours, "§1.3", "V");
        if (closeSchools) {
            s.row("closeSchools", "停课", "suspend school", "教育部门", "", "", "", 24, "§1.3", "V");
        }
        return b;
    }

    @Test
    void reportsWhoLeadsAMeasureAndHowSoonWhenTheCatalogueChanges() {
        List<Change> changes = diff(withActions("卫生健康部门", 0, true), withActions("卫生健康部门、疾控机构", 2, false));
        assertThat(changes).extracting(Change::toString).containsExactlyInAnyOrder(
                "changed action isolateCases: lead: 卫生健康部门 → 卫生健康部门、疾控机构; within: at once → within 2 h",
                "removed action closeSchools: 停课");
        assertThat(diff(withActions("卫生健康部门", 0, false), withActions("卫生健康部门", 0, true)))
                .extracting(Change::toString).containsExactly("added action closeSchools: 停课 — lead 教育部门 within 24 h");
    }

    @Test
    void identicalTablesHaveNoChanges() {
        assertThat(diff(grading("≥30", "10～29", "Ⅲ", false), grading("≥30", "10～29", "Ⅲ", false))).isEmpty();
    }

    @Test
    void reportsAMovedThresholdOnTheRowThatKeptItsAnswer() {
        List<Change> changes = diff(grading("≥30", "10～29", "Ⅲ", false), grading("≥25", "10～24", "Ⅲ", false));
        assertThat(changes).extracting(Change::toString).containsExactlyInAnyOrder(
                "changed row Cholera!R7: grade Ⅲ, label \"cluster\" now when cases [10, 24] (was "
                        + "[10, 29], Cholera!A7)",
                "changed row Cholera!R8: grade Ⅱ, label \"outbreak\" now when cases ≥ 25 (was ≥ 30, Cholera!A8)");
    }

    @Test
    void reportsAChangedAnswerOnTheRowThatKeptItsConditions() {
        List<Change> changes = diff(grading("≥30", "10～29", "Ⅲ", false), grading("≥30", "10～29", "Ⅱ", false));
        assertThat(changes).singleElement().extracting(Change::toString).isEqualTo("changed row Cholera!R7: "
                + "when cases [10, 29]: grade Ⅲ, label \"cluster\" → grade Ⅱ, label \"cluster\"");
    }

    @Test
    void namesTheOldRowWhenAChangedRowAlsoMoved() {
        List<Change> changes = diff(grading("≥30", "10～29", "Ⅲ", false), grading("≥25", "10～29", "Ⅲ", true));
        assertThat(changes).extracting(Change::toString).containsExactlyInAnyOrder(
                "added row Cholera!R7: when deaths ≥ 1: grade Ⅲ, label \"a death\"",
                "changed row Cholera!R9: was Cholera!R8; grade Ⅱ, label \"outbreak\" now when cases ≥ 25 (was ≥ 30, "
                        + "Cholera!A9)");
    }

    @Test
    void anInsertedRowIsOneAdditionNotAShiftOfEveryRowBelow() {
        List<Change> changes = diff(grading("≥30", "10～29", "Ⅲ", false), grading("≥30", "10～29", "Ⅲ", true));
        assertThat(changes).singleElement().extracting(Change::toString)
                .isEqualTo("added row Cholera!R7: when deaths ≥ 1: grade Ⅲ, label \"a death\"");
        assertThat(diff(grading("≥30", "10～29", "Ⅲ", true), grading("≥30", "10～29", "Ⅲ", false)))
                .extracting(Change::kind).containsExactly("removed");
    }

    /** The cholera workbook with a Tests sheet of these rows: {eventType, cases, expected grade}. */
    private static WorkbookBuilder tested(Object[]... cases) {
        return tested("≥30", "10～29", cases);
    }

    /** The same, grading Ⅱ from {@code iiCell} and Ⅲ from {@code iiiCell}. */
    private static WorkbookBuilder tested(String iiCell, String iiiCell, Object[]... cases) {
        WorkbookBuilder b = grading(iiCell, iiiCell, "Ⅲ", false);
        WorkbookBuilder.Sheet tests = b.sheet("Tests").row("Tests").row("GIVEN eventType", "GIVEN cases",
                "EXPECT grade", "NOTE");
        for (Object[] c : cases) {
            tests.row(c);
        }
        return b;
    }

    private static Object[] test(int cases, String grade) {
        return new Object[] {"cholera", cases, grade, "boundary"};
    }

    @Test
    void reportsTestRowsRemovedFromATestsSheetOneByOne() {
        List<Change> changes = diff(tested(test(30, "Ⅱ"), test(29, "Ⅲ"), test(10, "Ⅲ"), test(9, "Ⅳ")),
                tested(test(30, "Ⅱ"), test(9, "Ⅳ")));
        assertThat(changes).extracting(Change::toString).containsExactlyInAnyOrder(
                "removed test test.xlsx Tests!R4: given eventType = cholera, cases = 29: expect grade Ⅲ",
                "removed test test.xlsx Tests!R5: given eventType = cholera, cases = 10: expect grade Ⅲ");
    }

    @Test
    void anInsertedTestRowIsOneAdditionNotAShiftOfEveryTestBelow() {
        List<Change> changes = diff(tested(test(30, "Ⅱ"), test(9, "Ⅳ")),
                tested(test(30, "Ⅱ"), test(29, "Ⅲ"), test(9, "Ⅳ")));
        assertThat(changes).singleElement().extracting(Change::toString).isEqualTo(
                "added test test.xlsx Tests!R4: given eventType = cholera, cases = 29: expect grade Ⅲ");
    }

    @Test
    void reportsAChangedExpectationOnTheTestThatKeptItsGivens() {
        List<Change> changes = diff(tested("≥30", "10～29", test(25, "Ⅲ"), test(9, "Ⅳ")),
                tested("≥25", "10～24", test(25, "Ⅱ"), test(9, "Ⅳ")));
        assertThat(changes).filteredOn(c -> c.subject().equals("test")).singleElement().extracting(Change::toString)
                .isEqualTo("changed test test.xlsx Tests!R3: given eventType = cholera, cases = 25: expect grade Ⅲ → "
                        + "expect grade Ⅱ");
    }

    @Test
    void reportsAMovedGivenOnTheTestThatKeptItsExpectation() {
        List<Change> changes = diff(tested(test(30, "Ⅱ"), test(9, "Ⅳ")), tested(test(31, "Ⅱ"), test(9, "Ⅳ")));
        assertThat(changes).singleElement().extracting(Change::toString).isEqualTo("changed test test.xlsx "
                + "Tests!R3: expect grade Ⅱ now given eventType = cholera, cases = 31 (was eventType = cholera, "
                + "cases = 30)");
    }

    @Test
    void aTestRowWhoseNoteAloneChangedIsNoChange() {
        Object[] renoted = {"cholera", 30, "Ⅱ", "the grade Ⅱ boundary"};
        assertThat(diff(tested(test(30, "Ⅱ")), tested(renoted))).isEmpty();
    }

    @Test
    void reportsDictionaryParameterAndTableChanges() {
        WorkbookBuilder before = grading("≥30", "10～29", "Ⅲ", false);
        WorkbookBuilder after = new WorkbookBuilder();
        after.sheet("Dictionary").row("Dictionary")
                .row("Name", "Type", "Values", "Unit", "Min", "Max", "说明", "Description")
                .row("eventType", "enum", "cholera, plague, food, dengue", "", null, null, "事件类型", "event type")
                .row("cases", "integer", null, "例", 0, 500000, "病例数", "cases")
                .row("deaths", "integer", null, "人", 0, 100000, "死亡数", "deaths")
                .row("ratio", "decimal", null, "", 0, 1000, "比", "ratio")
                .row("spreading", "boolean", null, "", null, null, "扩散", "spreading")
                .row("setting", "text", null, "", null, null, "场所", "setting")
                .row("clusters", "integer", null, "起", 0, 1000, "聚集性疫情", "clusters");
        after.sheet("Parameters").row("Parameters").row("Name", "Value").row("limit", 3);
        after.sheet("Cholera").row("Table", "Cholera").row("Hit policy", "first match").row("Gaps", "expected")
                .blank().row("IF cases", "THEN grade").row("≥1", "Ⅳ");
        List<String> changes = diff(before, after).stream().map(Change::toString).toList();
        assertThat(changes).contains(
                "changed indicator eventType: values: cholera, plague, food → cholera, plague, food, dengue",
                "changed indicator cases: range: [0, 100000] → [0, 500000]",
                "added indicator clusters: integer clusters",
                "added parameter limit: = 3",
                "changed table Cholera: hit policy: highest grade → first match");
    }
}
