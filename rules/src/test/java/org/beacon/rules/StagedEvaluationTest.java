package org.beacon.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.beacon.rules.Workbooks.only;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.beacon.rules.decision.Decision;
import org.beacon.rules.decision.SignalDecision;
import org.beacon.rules.decision.TableDecision;
import org.beacon.rules.model.ActionDefinition;
import org.beacon.rules.model.AdminLevel;
import org.beacon.rules.model.AreaRisk;
import org.beacon.rules.model.Diagnostic;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.Region;
import org.beacon.rules.model.RiskLevel;
import org.beacon.rules.model.Signal;
import org.beacon.rules.model.Situation;
import org.beacon.rules.model.SituationProblem;
import org.beacon.rules.model.TestOutcome;
import org.beacon.rules.model.WarningColour;
import org.beacon.rules.model.WorkbookSource;
import org.junit.jupiter.api.Test;

/**
 * The decisions beyond grading: response tables that work from the decided grade, tables that look at each
 * surveillance signal, the multi-point count, the action catalogue, typed outputs, and several workbooks (each with
 * its own dictionary) forming one rule set.
 */
class StagedEvaluationTest {

    private static final Region COUNTY = Region.at("330106", "西湖区", AdminLevel.COUNTY);

    /** Grading (cholera) in one workbook, response measures by grade in another, each with its own dictionary. */
    private static List<WorkbookSource> gradingAndResponse(Object... responseRows) {
        WorkbookBuilder response = new WorkbookBuilder();
        response.sheet("Dictionary").row("Dictionary")
                .row("Name", "Type", "Values", "Unit", "Min", "Max", "说明", "Description")
                .row("eventType", "enum", "cholera, measles", "", null, null, "事件类型", "event type")
                .row("responseGrade", "enum", "I, II, III, IV", "", null, null, "响应级别", "response grade");
        response.sheet("Actions").row("Actions")
                .row("Code", "措施", "Action", "牵头单位", "Lead", "责任单位", "Responsible", "时限(小时)", "Source", "Tag")
                .row("earlyControl", "先期控制措施", "early control", "卫生健康行政部门", "health department",
                        "疾病预防控制机构、公安机关", "CDC, police", 0, "criteria §1.4", "C")
                .row("closeSchools", "停课", "suspend school", "教育行政部门", "education department", "", "", 24,
                        "criteria §1.3", "V");
        WorkbookBuilder.Sheet table = response.sheet("Response").row("Table", "响应措施")
                .row("Hit policy", "collect all")
                .blank()
                .row("IF responseGrade", "THEN actions", "THEN startDecidedBy");
        for (int i = 0; i < responseRows.length; i += 3) {
            table.row(responseRows[i], responseRows[i + 1], responseRows[i + 2]);
        }
        List<WorkbookSource> sources = new ArrayList<>(WorkbookBuilder.cholera().sources("grading.xlsx"));
        sources.add(response.source("response.xlsx"));
        return sources;
    }

    private static Situation cholera(int cases, Map<String, Object> more) {
        Map<String, Object> indicators = new java.util.LinkedHashMap<>(more);
        indicators.put("cases", cases);
        return new Situation("cholera", COUNTY, null, indicators);
    }

    @Test
    void responseTablesWorkFromTheGradeTheGradingTablesDecided() {
        CompiledRuleSet rs = compiled(gradingAndResponse("Ⅰ, Ⅱ, Ⅲ, Ⅳ", "earlyControl", "",
                "Ⅱ", "closeSchools", "省级人民政府", "Ⅲ", "", "设区的市级人民政府"));
        Decision d = rs.evaluate(cholera(30, Map.of()));
        assertThat(d.grade()).isEqualTo(Grade.II);
        assertThat(d.response()).isEqualTo(new Decision.ResponseGrade(Grade.II, false));
        assertThat(d.firedRules()).containsExactly("Cholera!R6", "Response!R5", "Response!R6");
        assertThat(d.actions()).containsExactly("earlyControl", "closeSchools");
        assertThat(d.outputs()).containsEntry("startDecidedBy", List.of("省级人民政府"));
        ActionDefinition early = d.actionDetails().get(0);
        assertThat(early.leadZh()).containsExactly("卫生健康行政部门");
        assertThat(early.responsibleZh()).containsExactly("疾病预防控制机构", "公安机关");
        assertThat(early.withinHours()).isZero();
        assertThat(d.actionDetails().get(1).withinHours()).isEqualTo(24);

        Decision three = rs.evaluate(cholera(12, Map.of()));
        assertThat(three.firedRules()).containsExactly("Cholera!R7", "Response!R5", "Response!R7");
        assertThat(three.outputs()).containsEntry("startDecidedBy", List.of("设区的市级人民政府"));
    }

    @Test
    void aGradeTheSituationDeclaresWinsOverTheDecidedOne() {
        CompiledRuleSet rs = compiled(gradingAndResponse("Ⅱ", "closeSchools", "省级人民政府"));
        Decision d = rs.evaluate(cholera(12, Map.of("responseGrade", "Ⅱ")));
        assertThat(d.grade()).as("the grading tables still grade the facts").isEqualTo(Grade.III);
        assertThat(d.response()).isEqualTo(new Decision.ResponseGrade(Grade.II, true));
        assertThat(d.actions()).containsExactly("closeSchools");
    }

    @Test
    void withoutAGradeNoResponseRowAnswers() {
        CompiledRuleSet rs = compiled(gradingAndResponse("Ⅰ, Ⅱ, Ⅲ, Ⅳ", "earlyControl", ""));
        Decision d = rs.evaluate(cholera(0, Map.of()));
        assertThat(d.grade()).isNull();
        assertThat(d.response()).isNull();
        assertThat(d.noMatch()).isTrue();
    }

    @Test
    void anActionCodeMissingFromTheCatalogueIsAnErrorAtItsCell() {
        Compilation c = new RuleSetCompiler().compile(gradingAndResponse("Ⅱ", "closeSchool", ""));
        Diagnostic d = only(c, "UNKNOWN_ACTION");
        assertThat(d.workbook()).isEqualTo("response.xlsx");
        assertThat(d.location()).isEqualTo("Response!B5");
        assertThat(d.message()).contains("did you mean closeSchools");
    }

    @Test
    void workbooksShareAnIndicatorOnlyWithOneTypeAndTheirEnumValuesAreJoined() {
        CompiledRuleSet rs = compiled(gradingAndResponse("Ⅱ", "closeSchools", ""));
        assertThat(rs.dictionary().find("eventType").orElseThrow().values())
                .containsExactly("cholera", "plague", "food", "measles");

        WorkbookBuilder other = new WorkbookBuilder();
        other.sheet("Dictionary").row("Dictionary")
                .row("Name", "Type", "Values", "Unit", "Min", "Max", "说明", "Description")
                .row("cases", "decimal", null, "", 0, 100000, "", "");
        List<WorkbookSource> sources = new ArrayList<>(WorkbookBuilder.cholera().sources("grading.xlsx"));
        sources.add(other.source("other.xlsx"));
        Diagnostic d = only(new RuleSetCompiler().compile(sources), "CONFLICTING_INDICATOR");
        assertThat(d.workbook()).isEqualTo("other.xlsx");
        assertThat(d.location()).isEqualTo("Dictionary!A3");
        assertThat(d.message()).contains("decimal here but integer at grading.xlsx Dictionary!R4");
    }

    /** Signals: a per-signal table gives each its colour; the multi-point table counts them. */
    static CompiledRuleSet warning() {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("SignalDictionary").row("Dictionary")
                .row("Name", "Type", "Values", "Unit", "Min", "Max", "说明", "Description")
                .row("signalSource", "enum", "ili, schoolAbsenteeism, pharmacySales", "", null, null, "", "")
                .row("earsC1", "decimal", null, "", null, null, "", "")
                .row("signalsBlue", "integer", null, "", 0, 100, "", "")
                .row("signalsYellow", "integer", null, "", 0, 100, "", "");
        b.sheet("SignalWarning").row("Table", "单个信号")
                .row("Hit policy", "highest grade")
                .row("For each", "signal")
                .blank()
                .row("IF earsC1", "IF signalSource", "THEN colour")
                .row(">3", "", "blue")
                .row(">6", "ili", "yellow");
        b.sheet("MultiPoint").row("Table", "多点触发")
                .row("Hit policy", "highest grade")
                .blank()
                .row("IF signalsBlue", "IF signalsYellow", "THEN colour", "THEN riskLevel")
                .row("≥1", "", "blue", "低")
                .row("≥2", "", "yellow", "中")
                .row("", "≥1", "yellow", "中");
        return Workbooks.compiled(b);
    }

    /** 20 quiet days (alternating 10 and 12: mean 11, sd ≈ 1.07), then {@code last}. */
    static Signal signal(String source, double last) {
        double[] v = new double[21];
        for (int i = 0; i < 20; i++) {
            v[i] = i % 2 == 0 ? 10 : 12;
        }
        v[20] = last;
        return new Signal(source, LocalDate.of(2026, 3, 1), v);
    }

    private static Decision withSignals(CompiledRuleSet rs, Signal... signals) {
        return rs.evaluate(new Situation("cholera", COUNTY, LocalDate.of(2026, 3, 21), Map.of(),
                Arrays.asList(signals)));
    }

    @Test
    void eachSignalIsLookedAtAloneAndTheMultiPointTableCountsThem() {
        CompiledRuleSet rs = warning();
        Decision quiet = withSignals(rs, signal("ili", 12));
        assertThat(quiet.signals()).singleElement().satisfies(s -> {
            assertThat(s.colour()).isNull();
            assertThat(s.lastDay()).isEqualTo(LocalDate.of(2026, 3, 21));
            assertThat(s.statistics()).containsKey("earsC1");
        });
        assertThat(quiet.colour()).isNull();

        Decision one = withSignals(rs, signal("schoolAbsenteeism", 16), signal("ili", 12));
        assertThat(one.signals()).extracting(SignalDecision::colour).containsExactly(WarningColour.BLUE, null);
        assertThat(one.firedRules()).containsExactly("SignalWarning!R6", "MultiPoint!R5");
        assertThat(one.colour()).isEqualTo(WarningColour.BLUE);
        assertThat(one.riskLevel()).isEqualTo(RiskLevel.LOW);

        Decision two = withSignals(rs, signal("schoolAbsenteeism", 16), signal("pharmacySales", 16));
        assertThat(two.colour()).as("two blue signals together raise the warning").isEqualTo(WarningColour.YELLOW);
        assertThat(two.riskLevel()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(two.tables()).filteredOn(t -> "SignalWarning".equals(t.table()))
                .extracting(TableDecision::signal).containsExactly("schoolAbsenteeism", "pharmacySales");

        Decision strong = withSignals(rs, signal("ili", 30));
        assertThat(strong.signals().get(0).colour()).isEqualTo(WarningColour.YELLOW);
        assertThat(strong.firedRules()).containsExactly("SignalWarning!R7", "MultiPoint!R7");
    }

    @Test
    void signalsAreCheckedAgainstTheDictionaryAndTheSituationDate() {
        CompiledRuleSet rs = warning();
        assertThatThrownBy(() -> withSignals(rs, signal("twitter", 12)))
                .isInstanceOfSatisfying(InvalidSituationException.class, e -> assertThat(e.problems())
                        .extracting(SituationProblem::pointer).containsExactly("/signals/0/source"));
        Signal shortOfTheDate = new Signal("ili", LocalDate.of(2026, 3, 1), new double[] {1, 2, 3});
        assertThatThrownBy(() -> withSignals(rs, shortOfTheDate))
                .isInstanceOfSatisfying(InvalidSituationException.class, e -> assertThat(e.problems().get(0).message())
                        .contains("must reach that day"));
        Signal negative = new Signal("ili", LocalDate.of(2026, 3, 1), new double[] {1, -2, 3});
        assertThatThrownBy(() -> withSignals(rs, negative))
                .isInstanceOfSatisfying(InvalidSituationException.class, e -> assertThat(e.problems())
                        .extracting(SituationProblem::pointer).containsExactly("/signals/0/values/1"));
        assertThatThrownBy(() -> rs.evaluate(cholera(3, Map.of("earsC1", 5))))
                .isInstanceOfSatisfying(InvalidSituationException.class, e -> assertThat(e.problems().get(0).message())
                        .contains("derived by Beacon"));
    }

    @Test
    void laterDaysOfASeriesAreIgnoredSoAReplayOnlySeesThePast() {
        CompiledRuleSet rs = warning();
        double[] v = Arrays.copyOf(signal("ili", 12).values(), 25);
        Arrays.fill(v, 21, 25, 500);
        Decision d = withSignals(rs, new Signal("ili", LocalDate.of(2026, 3, 1), v));
        assertThat(d.signals().get(0).colour()).isNull();
    }

    @Test
    void refusesTheSameSourceTwiceNamingBothSignals() {
        // one blue series sent twice would be two blue signals, and the multi-point table would raise it to yellow
        CompiledRuleSet rs = warning();
        assertThat(withSignals(rs, signal("schoolAbsenteeism", 16)).colour()).isEqualTo(WarningColour.BLUE);

        assertThatThrownBy(() -> withSignals(rs, signal("schoolAbsenteeism", 16), signal("ili", 12),
                signal("SchoolAbsenteeism", 16)))
                .isInstanceOfSatisfying(InvalidSituationException.class, e -> {
                    assertThat(e.problems()).extracting(SituationProblem::pointer)
                            .containsExactly("/signals/2/source");
                    assertThat(e.problems().get(0).message()).contains("/signals/0/source")
                            .contains("one series per source");
                });
    }

    @Test
    void refusesADailyCountAboveTheBoundAtThatDay() {
        // 1e308 is finite, but a week of it is not: the statistics overflowed and the caller got a 500
        CompiledRuleSet rs = warning();
        double[] huge = new double[21];
        Arrays.fill(huge, 1e308);
        assertThatThrownBy(() -> withSignals(rs, new Signal("ili", LocalDate.of(2026, 3, 1), huge)))
                .isInstanceOfSatisfying(InvalidSituationException.class, e -> {
                    assertThat(e.problems()).extracting(SituationProblem::pointer)
                            .containsExactly("/signals/0/values/0");
                    assertThat(e.problems().get(0).message()).contains("1000000000");
                });
        assertThatThrownBy(() -> withSignals(rs, signal("ili", 1_000_000_001)))
                .isInstanceOfSatisfying(InvalidSituationException.class, e -> assertThat(e.problems())
                        .extracting(SituationProblem::pointer).containsExactly("/signals/0/values/20"));
        assertThat(withSignals(rs, signal("ili", 1_000_000_000)).signals().get(0).colour())
                .as("the bound itself is a count").isEqualTo(WarningColour.YELLOW);
    }

    @Test
    void aSignalStatisticOutsideAForEachSignalTableIsAnError() {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("SignalDictionary").row("Dictionary")
                .row("Name", "Type", "Values", "Unit", "Min", "Max", "说明", "Description")
                .row("earsC1", "decimal", null, "", null, null, "", "");
        b.sheet("Wrong").row("Table", "x").row("Hit policy", "first match").blank()
                .row("IF earsC1", "THEN colour").row(">3", "blue");
        Diagnostic d = only(Workbooks.compile(b), "INPUT_NOT_AVAILABLE");
        assertThat(d.location()).isEqualTo("Wrong!A4");
        assertThat(d.message()).contains("For each: signal");
    }

    @Test
    void typedOutputsAreCheckedAndCombined() {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("Reporting").row("Table", "报告").row("Hit policy", "collect all").blank()
                .row("IF cases", "IF deaths", "THEN reportWithin", "THEN reportTo", "THEN areaRisk")
                .row("≥1", "", "24h", "县疾控", "蓝")
                .row("", "≥1", "2小时", "县卫健局", "橙");
        CompiledRuleSet rs = Workbooks.compiled(b);
        Decision d = rs.evaluate(cholera(3, Map.of("deaths", 1)));
        assertThat(d.reporting().required()).isTrue();
        assertThat(d.reporting().withinHours()).isEqualTo(2);
        assertThat(d.reporting().reportTo()).containsExactly("县疾控", "县卫健局");
        assertThat(d.areaRisk()).isEqualTo(AreaRisk.ORANGE);
        assertThat(rs.evaluate(cholera(0, Map.of())).reporting().required()).isFalse();

        WorkbookBuilder bad = new WorkbookBuilder().dictionary();
        bad.sheet("Risk").row("Table", "x").row("Hit policy", "first match").blank()
                .row("IF cases", "THEN riskLevel").row("≥1", "很高");
        Diagnostic error = only(Workbooks.compile(bad), "INVALID_VALUE");
        assertThat(error.location()).isEqualTo("Risk!B5");
        assertThat(error.message()).contains("极低, 低, 中 or 高");
    }

    @Test
    void aTestSheetExpectsTheValueTheDecisionKeepsAndReadsOutputsAsItReadsItsOwnCells() {
        WorkbookBuilder b = endTable();
        b.sheet("Tests").row("Tests")
                .row("GIVEN eventType", "GIVEN cases", "GIVEN deaths", "EXPECT termination", "EXPECT riskLevel",
                        "EXPECT reportTo")
                .row("cholera", 0, 0, "可终止", "低", "县卫健局，县级疾控机构(中国流感监测信息系统)")
                .row("cholera", 0, 1, "继续", "高", "县卫健局、县级疾控机构（中国流感监测信息系统）")
                .row("cholera", 0, 2, "可终止", "低", "");
        Compilation c = Workbooks.compile(b);
        assertThat(c.tests()).extracting(TestOutcome::passed).containsExactly(true, true, false);
        assertThat(c.tests().get(2).message()).contains("expected termination 可终止, got 继续")
                .contains("expected riskLevel 低, got 高");

        Decision d = Workbooks.compiled(endTable()).evaluate(cholera(0, Map.of("deaths", 1)));
        assertThat(d.termination()).as("a row saying it continues vetoes the end").isEqualTo("继续");
        assertThat(d.riskLevel()).isEqualTo(RiskLevel.HIGH);
    }

    private static WorkbookBuilder endTable() {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("End").row("Table", "终止").row("Hit policy", "collect all").blank()
                .row("IF cases", "IF deaths", "THEN termination", "THEN riskLevel", "THEN reportTo")
                .row("0", "", "可终止", "低", "县级疾控机构（中国流感监测信息系统）、县卫健局")
                .row("", "≥1", "继续", "高", "");
        return b;
    }

    private static CompiledRuleSet compiled(List<WorkbookSource> sources) {
        Compilation c = new RuleSetCompiler().compile(sources);
        assertThat(c.errors()).isEmpty();
        return c.ruleSet().orElseThrow();
    }
}
