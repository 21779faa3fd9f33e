package org.beacon.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beacon.rules.decision.Decision;
import org.beacon.rules.model.DecisionTable;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.Rule;
import org.beacon.rules.model.TestSheetCase;
import org.beacon.rules.model.WarningColour;
import org.beacon.rules.model.WorkbookSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The workbooks shipped in tables/ compile without errors or warnings, pass their own test sheets, cite a source and
 * tag on every row, and grade the national criteria's boundaries as criteria.md §0 and §2 read them. Loading the
 * real .xlsx also proves the POI versions on the class path agree.
 */
class DefaultTablesTest {

    private static Compilation compilation;
    private static CompiledRuleSet tables;

    @BeforeAll
    static void compileTables() {
        compilation = new RuleSetCompiler().compile(WorkbookSource.readAll(Workbooks.root().resolve("tables")));
        tables = compilation.ruleSet().orElse(null);
    }

    @Test
    void compileWithoutErrorsOrWarnings() {
        assertThat(compilation.errors()).isEmpty();
        assertThat(compilation.warnings()).isEmpty();
        assertThat(tables).isNotNull();
    }

    @Test
    void reportEveryPhaseOfTheirCompileInOrderWithItsTime() {
        assertThat(compilation.phases()).extracting(Compilation.Phase::name).containsExactly(
                "read", "parse", "analyse", "generate", "Drools build", "tests");
        assertThat(compilation.phases()).allSatisfy(p -> assertThat(p.duration()).isGreaterThanOrEqualTo(java.time.Duration.ZERO));
    }

    @Test
    void reportTheCpuTimeOfTheirDroolsBuildBesideItsWallClockTime() {
        // what a compile under load is measured by: Drools' build of ~300 rules takes CPU time whatever the load
        assertThat(compilation.phases()).filteredOn(p -> p.name().equals(Compilation.Phase.DROOLS_BUILD))
                .singleElement().satisfies(p -> assertThat(p.cpu()).isPositive());
    }

    @Test
    void passEveryTestInTheirTestSheets() {
        assertThat(compilation.tests()).hasSizeGreaterThanOrEqualTo(100);
        assertThat(compilation.tests()).allSatisfy(t -> assertThat(t.passed()).as(t.message()).isTrue());
    }

    @Test
    void haveATestCaseThatAnswersWithEveryRow() {
        Set<String> answered = new HashSet<>();
        for (TestSheetCase c : tables.model().tests()) {
            answered.addAll(tables.evaluateValues(c.given(), false).firedRules());
        }
        List<String> all = tables.tables().stream().flatMap(t -> t.rules().stream()).map(Rule::id).toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(40);
        assertThat(answered).containsAll(all);
    }

    @Test
    void citeASourceAndACertaintyTagOnEveryRowThatDecidesSomething() {
        for (DecisionTable t : tables.tables()) {
            for (Rule r : t.rules()) {
                assertThat(r.source()).as("source of %s", r.id()).isNotBlank();
                assertThat(r.tag()).as("tag of %s", r.id()).isIn("V", "C", "M");
                assertThat(r.grade() != null || r.colour() != null || !r.actions().isEmpty()
                        || !r.outputs().isEmpty()).as("%s decides something", r.id()).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "cholera|cases=9|Ⅳ", "cholera|cases=10|Ⅲ", "cholera|cases=29|Ⅲ", "cholera|cases=30|Ⅱ",
            "cholera|cases=0|none",
            "pneumonicPlague|cases=4|Ⅲ", "pneumonicPlague|cases=5|Ⅱ", "pneumonicPlague|cases=6|Ⅱ",
            "bubonicPlague|cases=9|Ⅳ", "bubonicPlague|cases=10|Ⅲ", "bubonicPlague|cases=19|Ⅲ",
            "bubonicPlague|cases=20|Ⅱ",
            "foodPoisoning|cases=29 deaths=0|none", "foodPoisoning|cases=30 deaths=0|Ⅳ",
            "foodPoisoning|cases=99 deaths=0|Ⅳ", "foodPoisoning|cases=100 deaths=0|Ⅲ",
            "foodPoisoning|cases=101 deaths=0|Ⅲ", "foodPoisoning|cases=100 deaths=1|Ⅲ",
            "foodPoisoning|cases=101 deaths=1|Ⅱ", "foodPoisoning|cases=20 deaths=9|Ⅲ",
            "foodPoisoning|cases=20 deaths=10|Ⅱ",
            "occupationalPoisoning|cases=9 deaths=0|Ⅳ", "occupationalPoisoning|cases=10 deaths=0|Ⅲ",
            "occupationalPoisoning|cases=49 deaths=0|Ⅲ", "occupationalPoisoning|cases=50 deaths=0|Ⅱ",
            "occupationalPoisoning|cases=5 deaths=4|Ⅲ", "occupationalPoisoning|cases=5 deaths=5|Ⅱ",
            "classBC|countiesAffected=1 ratioTo5yMean=1.99|none", "classBC|countiesAffected=1 ratioTo5yMean=2|Ⅲ",
            "classBC|countiesAffected=2 ratioTo5yMean=2.99|Ⅲ", "classBC|countiesAffected=2 ratioTo5yMean=3|Ⅱ",
            "classBC|countiesAffected=1 ratioTo5yMean=3|Ⅲ"})
    void gradeTheNationalBoundariesAsCriteriaReadsThem(String eventType, String indicators, String grade) {
        Map<String, Object> values = new HashMap<>();
        for (String pair : indicators.split(" ")) {
            String[] kv = pair.split("=");
            values.put(kv[0], new BigDecimal(kv[1]));
        }
        Decision d = tables.evaluate(Workbooks.situation(eventType, values));
        assertThat(d.grade() == null ? "none" : d.grade().numeral()).as("%s", d.firedRules()).isEqualTo(grade);
    }

    @Test
    void colourEachGradeAsTheNationalSchemeDoes() {
        Decision d = tables.evaluate(Workbooks.situation("cholera", Map.of("cases", 30)));
        assertThat(d.colour()).isEqualTo(WarningColour.ORANGE);
        assertThat(tables.model().colours()).containsEntry(Grade.I, WarningColour.RED)
                .containsEntry(Grade.II, WarningColour.ORANGE).containsEntry(Grade.III, WarningColour.YELLOW)
                .containsEntry(Grade.IV, WarningColour.BLUE);
    }
}
