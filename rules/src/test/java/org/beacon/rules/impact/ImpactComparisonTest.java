package org.beacon.rules.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.RuleSetCompiler;
import org.beacon.rules.WorkbookBuilder;
import org.beacon.rules.Workbooks;
import org.beacon.rules.impact.ImpactReport.Dimension;
import org.beacon.rules.impact.ImpactReport.RowChange;
import org.beacon.rules.impact.ImpactReport.Transition;
import org.beacon.rules.impact.report.ImpactWorkbook;
import org.beacon.rules.model.Situation;
import org.beacon.rules.model.WorkbookSource;
import org.beacon.rules.replay.Timeline;
import org.beacon.rules.replay.TimelineCsv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deciding the same situations with two versions tells which change grade, colour, rows, and how many warnings a
 * week the new version would send; the situations are streamed, so only counts and a bounded number of examples stay.
 */
class ImpactComparisonTest {

    private static CompiledRuleSet bundled;
    private static CompiledRuleSet lowered;

    @BeforeAll
    static void compileTheBundledTablesAndTheLoweredCholeraThreshold() {
        List<WorkbookSource> tables = WorkbookSource.readAll(Workbooks.root().resolve("tables"));
        bundled = new RuleSetCompiler().compile("v1", tables).ruleSet().orElseThrow();
        var c = new RuleSetCompiler().compile("v2", CholeraThreshold.loweredTo25(tables));
        assertThat(c.errors()).as("the lowered threshold with its test rows changed compiles").isEmpty();
        lowered = c.ruleSet().orElseThrow();
    }

    @Test
    void loweringCholerasGradeTwoThresholdTo25MovesExactlyTheSituationsWith25To29CasesFromThreeToTwo() {
        int n = 12_000;
        ImpactComparison impact = new ImpactComparison(bundled, lowered, n);
        Set<String> expected = new HashSet<>();
        GeneratedSituations situations = new GeneratedSituations(n, 21);
        for (long i = 0; situations.hasNext(); i++) {
            Situation s = situations.next();
            // counted from the situation itself, not from any decision
            if (s.eventType().equals("cholera") && s.indicators().get("cases") instanceof Integer cases
                    && cases >= 25 && cases <= 29) {
                expected.add(GeneratedSituations.id(i));
            }
            impact.add(GeneratedSituations.id(i), s);
        }
        ImpactReport report = impact.report();

        assertThat(expected).hasSizeGreaterThan(300);
        assertThat(report.situations()).isEqualTo(n);
        assertThat(report.decided()).isEqualTo(n);
        Dimension grade = dimension(report, "grade");
        assertThat(grade.transitions()).filteredOn(Transition::changed).singleElement().satisfies(t -> {
            assertThat(t.from() + " → " + t.to()).isEqualTo("Ⅲ → Ⅱ");
            assertThat(t.count()).isEqualTo(expected.size());
            assertThat(t.examples()).containsExactlyInAnyOrderElementsOf(expected);
        });
        assertThat(report.rows()).filteredOn(r -> r.table().equals("Cholera")).extracting(RowChange::row,
                RowChange::gained, RowChange::lost).containsExactly(tuple("Cholera!R8", (long) expected.size(), 0L),
                tuple("Cholera!R10", 0L, (long) expected.size()));
        // the response tables follow the grade: their rows move for the same situations and no other
        assertThat(report.rows()).allSatisfy(r -> {
            assertThat(expected).containsAll(r.gainedExamples());
            assertThat(expected).containsAll(r.lostExamples());
        });
        assertThat(report.changed()).isEqualTo(expected.size());
        assertThat(dimension(report, "colour").count("yellow", "orange")).isEqualTo(expected.size());
        long orangeMore = report.weeks().stream().mapToLong(w -> w.after().orange() - w.before().orange()).sum();
        assertThat(orangeMore).isEqualTo(expected.size());
        assertThat(report.weeks()).hasSizeGreaterThanOrEqualTo(52).allSatisfy(w ->
                assertThat(w.after().graded()).isEqualTo(w.before().graded()));
    }

    @Test
    void keepsExactCountsButOnlyAsManyExamplesAsAsked() {
        ImpactComparison impact = new ImpactComparison(bundled, lowered, 3);
        GeneratedSituations situations = new GeneratedSituations(3_000, 7);
        for (long i = 0; situations.hasNext(); i++) {
            impact.add(GeneratedSituations.id(i), situations.next());
        }
        Transition moved = dimension(impact.report(), "grade").transitions().get(0);
        assertThat(moved.changed()).isTrue();
        assertThat(moved.count()).isGreaterThan(3);
        assertThat(moved.examples()).hasSize(3);
    }

    @Test
    void countsTheWeeklyBurdenByIsoWeekOfTheSituationsDate() {
        ImpactComparison impact = new ImpactComparison(bundled, lowered, 10);
        impact.add("a", cholera(27, LocalDate.of(2026, 1, 1)));   // ISO week 2026-W01 (Thursday)
        impact.add("b", cholera(27, LocalDate.of(2025, 12, 29))); // the Monday of the same week
        impact.add("c", cholera(40, LocalDate.of(2026, 1, 5)));
        ImpactReport report = impact.report();
        assertThat(report.weeks()).extracting(ImpactReport.WeekBurden::week).containsExactly("2026-W01", "2026-W02");
        ImpactReport.WeekBurden first = report.weeks().get(0);
        assertThat(first.before().yellow()).isEqualTo(2);
        assertThat(first.after().yellow()).isZero();
        assertThat(first.after().orange()).isEqualTo(2);
        assertThat(first.before().graded()).isEqualTo(2);
        assertThat(report.weeks().get(1).before().orange()).isEqualTo(1);
    }

    @Test
    void listsTheSituationsTheNewDictionaryRefusesWithTheReasonAndComparesNothingElseOfThem() {
        CompiledRuleSet before = Workbooks.compiled(WorkbookBuilder.cholera());
        WorkbookBuilder without = new WorkbookBuilder();
        without.sheet("Dictionary").row("Dictionary")
                .row("Name", "Type", "Values", "Unit", "Min", "Max", "说明", "Description")
                .row("eventType", "enum", "cholera, plague, food", "", null, null, "事件类型", "event type")
                .row("cases", "integer", null, "例", 0, 100000, "病例数", "cases");
        CompiledRuleSet after = Workbooks.compiled(without.choleraTable());
        ImpactComparison impact = new ImpactComparison(before, after, 10);
        impact.add("ok", Workbooks.situation("cholera", Map.of("cases", 12)));
        impact.add("gone", Workbooks.situation("cholera", Map.of("cases", 12, "deaths", 1)));
        impact.add("never", Workbooks.situation("cholera", Map.of("cases", -1)));
        ImpactReport report = impact.report();
        assertThat(report.situations()).isEqualTo(3);
        assertThat(report.decided()).isEqualTo(1);
        assertThat(report.invalidBefore()).isEqualTo(1);
        assertThat(report.becameInvalid()).isEqualTo(1);
        assertThat(report.invalid()).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo("gone");
            assertThat(i.reason()).startsWith("/indicators/deaths");
        });
    }

    @Test
    void replaysATimelineWithBothVersionsAndCountsEachRegionDayWithItsRecommendedLevel() {
        Timeline timeline = TimelineCsv.read(new StringReader(OUTBREAK), "t.csv", TimelineCsv.Options.defaults());
        ImpactComparison impact = new ImpactComparison(flu(20), flu(15), 50);
        impact.addTimeline("t.csv", timeline, 1);
        ImpactReport report = impact.report();
        assertThat(report.situations()).isEqualTo(timeline.steps());
        Dimension grade = dimension(report, "grade");
        // the days with 15–19 new cases in 7 days are Ⅱ under the new version, Ⅲ under the old
        assertThat(grade.transitions()).filteredOn(Transition::changed).allSatisfy(t ->
                assertThat(t.from() + " → " + t.to()).isEqualTo("Ⅲ → Ⅱ"));
        assertThat(grade.changed()).isPositive();
        assertThat(dimension(report, "level").changed()).isPositive();
        assertThat(grade.transitions()).filteredOn(Transition::changed).flatMap(Transition::examples)
                .allSatisfy(id -> assertThat(id).startsWith("t.csv:A@2024-03-"));
    }

    @Test
    void writesAWorkbookWithTheWeeklyBurdenAndItsChart() throws Exception {
        ImpactComparison impact = new ImpactComparison(bundled, lowered, 5);
        GeneratedSituations situations = new GeneratedSituations(500, 3);
        for (long i = 0; situations.hasNext(); i++) {
            impact.add(GeneratedSituations.id(i), situations.next());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImpactWorkbook.write(impact.report(), Map.of("before", "tables/"), out);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(wb.getSheet("Transitions").getRow(1).getCell(1).getStringCellValue()).isEqualTo("Ⅲ");
            assertThat(wb.getSheet("Transitions").getRow(1).getCell(2).getStringCellValue()).isEqualTo("Ⅱ");
            assertThat(wb.getSheet("Weekly burden").getDrawingPatriarch().getCharts()).hasSize(1);
            assertThat(wb.getSheet("Rows").getRow(1).getCell(1).getStringCellValue()).isEqualTo("Cholera!R8");
        }
    }

    private static Situation cholera(int cases, LocalDate date) {
        Situation s = Workbooks.situation("cholera", Map.of("cases", cases, "countiesAffected", 1));
        return new Situation(s.eventType(), s.region(), date, s.indicators());
    }

    private static Dimension dimension(ImpactReport r, String name) {
        return r.transitions().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    /** Grade Ⅱ from {@code two} new cases in 7 days, Ⅲ from 5, Ⅳ from 1. */
    private static CompiledRuleSet flu(int two) {
        WorkbookBuilder b = new WorkbookBuilder();
        b.sheet("Dictionary").row("Dictionary")
                .row("Name", "Type", "Values", "Unit", "Min", "Max", "说明", "Description")
                .row("eventType", "enum", "flu", "", null, null, "事件类型", "event type")
                .row("newCases7d", "integer", null, "例", 0, 1000000, "近7天新增", "new cases in 7 days");
        b.sheet("Level").row("Table", "级别").row("Hit policy", "highest grade").row("Gaps", "expected").blank()
                .row("IF newCases7d", "THEN grade")
                .row("≥" + two, "Ⅱ").row("5～" + (two - 1), "Ⅲ").row("1～4", "Ⅳ");
        return Workbooks.compiled(b);
    }

    private static final String OUTBREAK;

    static {
        int[] totals = {0, 1, 3, 6, 10, 15, 21, 28, 31, 31, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32};
        StringBuilder b = new StringBuilder("date,region,regionName,eventType,cumulativeConfirmed\n");
        for (int i = 0; i < totals.length; i++) {
            b.append(LocalDate.of(2024, 3, 1).plusDays(i)).append(",A,甲县,flu,").append(totals[i]).append('\n');
        }
        OUTBREAK = b.toString();
    }
}
