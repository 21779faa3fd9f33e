package org.beacon.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.beacon.rules.model.Diagnostic;
import org.beacon.rules.model.TestSheetCase;
import org.beacon.rules.model.WorkbookSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 25, item 4: Drools' packages of a compiled rule set kept and loaded instead of compiled again decide every
 * case as the compile does, and packages that are altered, from another build or for other rules are never loaded.
 */
class PrecompiledRulesTest {

    private static final String BUILD = "beacon test build";
    private static List<WorkbookSource> tables;
    private static CompiledRuleSet compiled;
    private static byte[] kept;

    @BeforeAll
    static void compileTables() {
        tables = WorkbookSource.readAll(Workbooks.root().resolve("tables"));
        compiled = new RuleSetCompiler().compile(tables).ruleSet().orElseThrow();
        kept = PrecompiledRules.of(compiled, BUILD).bytes();
    }

    @Test
    void loadedRulesDecideEveryTestSheetCaseAsTheCompiledOnes() {
        Compilation loaded = compileWith(kept, BUILD);

        assertThat(loaded.precompiled()).isTrue();
        assertThat(loaded.phases()).extracting(Compilation.Phase::name).contains(Compilation.Phase.DROOLS_LOAD)
                .doesNotContain(Compilation.Phase.DROOLS_BUILD);
        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.tests()).hasSizeGreaterThanOrEqualTo(100).allMatch(t -> t.passed());
        CompiledRuleSet again = loaded.ruleSet().orElseThrow();
        for (TestSheetCase c : compiled.model().tests()) {
            assertThat(again.evaluateValues(c.given(), true)).as(c.location())
                    .isEqualTo(compiled.evaluateValues(c.given(), true));
        }
    }

    @Test
    void aFlippedByteAnywhereIsCompiledAgainWithTheSameAnswers() {
        for (int at : new int[] {3, 40, kept.length / 2, kept.length - 1}) {
            byte[] flipped = kept.clone();
            flipped[at] ^= 0x01;

            Compilation c = compileWith(flipped, BUILD);

            assertThat(c.precompiled()).as("byte %d flipped", at).isFalse();
            assertThat(c.errors()).isEmpty();
            TestSheetCase first = compiled.model().tests().get(0);
            assertThat(c.ruleSet().orElseThrow().evaluateValues(first.given(), true))
                    .isEqualTo(compiled.evaluateValues(first.given(), true));
        }
    }

    @Test
    void rulesKeptByAnotherBuildAreCompiledAgain() {
        assertThat(PrecompiledRules.read(kept, "another build")).isEmpty();
        assertThat(compileWith(kept, "another build").precompiled()).isFalse();
    }

    @Test
    void rulesKeptForOtherWorkbooksOrOtherGeneratedRulesAreCompiledAgain() {
        PrecompiledRules whole = PrecompiledRules.read(kept, BUILD).orElseThrow();
        byte[] otherWorkbooks = new PrecompiledRules("0".repeat(64), BUILD, whole.engineBuild(), whole.drlHash(),
                whole.packages()).bytes();
        byte[] otherRules = new PrecompiledRules(whole.contentHash(), BUILD, whole.engineBuild(), "0".repeat(64),
                whole.packages()).bytes();

        assertThat(compileWith(otherWorkbooks, BUILD).precompiled()).isFalse();
        assertThat(compileWith(otherRules, BUILD).precompiled()).isFalse();
        assertThat(compileWith(otherRules, BUILD).succeeded()).isTrue();
    }

    @Test
    void loadingKeptRulesSkipsTheChecksTheyProveAndDecidesEveryCaseAsTheCompile() {
        Compilation loaded = new RuleSetCompiler().load(null, tables, PrecompiledRules.read(kept, BUILD).orElseThrow());

        assertThat(loaded.checksSkipped()).isTrue();
        assertThat(loaded.phases()).extracting(Compilation.Phase::name)
                .doesNotContain(Compilation.Phase.ANALYSE, Compilation.Phase.TESTS, Compilation.Phase.DROOLS_BUILD);
        assertThat(loaded.tests()).isEmpty();
        CompiledRuleSet again = loaded.ruleSet().orElseThrow();
        assertThat(again.id()).isEqualTo(compiled.id());
        for (TestSheetCase c : compiled.model().tests()) {
            assertThat(again.evaluateValues(c.given(), true)).as(c.location())
                    .isEqualTo(compiled.evaluateValues(c.given(), true));
        }
    }

    @Test
    void loadingWithoutMatchingKeptRulesCompilesInFullWithItsChecks() {
        PrecompiledRules whole = PrecompiledRules.read(kept, BUILD).orElseThrow();
        PrecompiledRules otherRules = new PrecompiledRules(whole.contentHash(), BUILD, whole.engineBuild(),
                "0".repeat(64), whole.packages());

        for (PrecompiledRules k : new PrecompiledRules[] {otherRules, null}) {
            Compilation c = new RuleSetCompiler().load(null, tables, k);

            assertThat(c.checksSkipped()).isFalse();
            assertThat(c.phases()).extracting(Compilation.Phase::name).contains(Compilation.Phase.ANALYSE);
            assertThat(c.tests()).hasSameSizeAs(compiled.model().tests()).allMatch(t -> t.passed());
        }
    }

    @Test
    void aWorkbookWithAFailingTestIsRefusedEvenWithTheTablesKeptRules() throws IOException {
        // the README's slip: cholera grade II from 25 cases while Tests!N33 still expects III for 29
        List<WorkbookSource> edited = new ArrayList<>();
        for (WorkbookSource s : tables) {
            boolean grading = s.name().equals("national-grading.xlsx");
            edited.add(grading ? new WorkbookSource(s.name(), choleraAt25(s.bytes())) : s);
        }

        Compilation c = new RuleSetCompiler().load(null, edited, PrecompiledRules.read(kept, BUILD).orElseThrow());

        assertThat(c.succeeded()).isFalse();
        assertThat(c.checksSkipped()).isFalse();
        assertThat(c.errors()).extracting(Diagnostic::location).contains("Tests!N33");
    }

    private static byte[] choleraAt25(byte[] workbook) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            book.getSheet("Cholera").getRow(7).getCell(0).setCellValue("≥25");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    private static Compilation compileWith(byte[] bytes, String build) {
        return new RuleSetCompiler().compile(null, tables, PrecompiledRules.read(bytes, build).orElse(null));
    }
}
