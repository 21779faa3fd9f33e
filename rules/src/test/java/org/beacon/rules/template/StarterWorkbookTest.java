package org.beacon.rules.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.beacon.rules.Compilation;
import org.beacon.rules.RuleSetCompiler;
import org.beacon.rules.decision.Decision;
import org.beacon.rules.model.Region;
import org.beacon.rules.model.Situation;
import org.beacon.rules.model.Severity;
import org.beacon.rules.model.TestOutcome;
import org.beacon.rules.model.WorkbookSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The starter workbook of {@code beacon new}: a valid rule set whose tests pass, in either language. */
class StarterWorkbookTest {

    private static byte[] written(StarterWorkbook.Language language) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new StarterWorkbook(language).write(out);
        return out.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(StarterWorkbook.Language.class)
    void passesTheCheckWithoutAnErrorOrWarningAndAllItsTestsPass(StarterWorkbook.Language language) {
        Compilation c = new RuleSetCompiler().compile(List.of(new WorkbookSource(StarterWorkbook.FILE_NAME,
                written(language))));
        assertThat(c.diagnostics()).filteredOn(d -> d.severity() != Severity.INFO).isEmpty();
        assertThat(c.tests()).hasSizeGreaterThanOrEqualTo(8).allMatch(TestOutcome::passed);
        assertThat(c.ruleSet()).isPresent();
    }

    @ParameterizedTest
    @EnumSource(StarterWorkbook.Language.class)
    void offersDropDownsOnTheTableAndTheDictionary(StarterWorkbook.Language language) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(written(language)))) {
            List<String> lists = List.of(1, 3, 4).stream().flatMap(i -> wb.getSheetAt(i).getDataValidations().stream())
                    .map(DataValidation::getValidationConstraint).map(v -> String.join(",", v.getExplicitListValues()))
                    .toList();
            assertThat(lists).anyMatch(l -> l.contains("integer,decimal,boolean,enum,text"))
                    .anyMatch(l -> l.contains("Ⅰ,Ⅱ,Ⅲ,Ⅳ")).anyMatch(l -> l.contains("red"))
                    .anyMatch(l -> l.contains(language == StarterWorkbook.Language.ZH ? "最高级别" : "highest grade"));
        }
    }

    @ParameterizedTest
    @EnumSource(StarterWorkbook.Language.class)
    void offersTheOrderedLevelAndHighestLevelInTheDropDowns(StarterWorkbook.Language language) throws Exception {
        boolean zh = language == StarterWorkbook.Language.ZH;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(written(language)))) {
            List<String> lists = wb.getSheet("Level").getDataValidations().stream()
                    .map(DataValidation::getValidationConstraint).map(v -> String.join(",", v.getExplicitListValues()))
                    .toList();
            assertThat(lists).contains(zh ? "低,中,高" : "Low,Medium,High")
                    .anyMatch(l -> l.contains(zh ? "最高 level" : "highest level"));
            assertThat(wb.getSheet("Level").getRow(1).getCell(1).getStringCellValue())
                    .isEqualTo(zh ? "最高 level" : "highest level");
        }
    }

    @ParameterizedTest
    @EnumSource(StarterWorkbook.Language.class)
    void keepsTheHigherOfTheLevelsFromCasesAndDeaths(StarterWorkbook.Language language) {
        Compilation c = new RuleSetCompiler().compile(List.of(new WorkbookSource(StarterWorkbook.FILE_NAME,
                written(language))));
        Decision medium = c.ruleSet().orElseThrow().evaluate(situation(12, 0));
        Decision high = c.ruleSet().orElseThrow().evaluate(situation(12, 1));
        boolean zh = language == StarterWorkbook.Language.ZH;
        assertThat(medium.outputs()).containsEntry("level", List.of(zh ? "中" : "Medium"));
        assertThat(high.outputs()).containsEntry("level", List.of(zh ? "高" : "High"));
        assertThat(high.firedRules()).contains("Level!R11").doesNotContain("Level!R10", "Level!R9");
    }

    private static Situation situation(int cases, int deaths) {
        return new Situation("measles", new Region("330106", "西湖区", null), LocalDate.of(2026, 7, 1),
                Map.<String, Object>of("cases", BigDecimal.valueOf(cases), "deaths", BigDecimal.valueOf(deaths)));
    }
}
