package org.beacon.rules.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.beacon.rules.Compilation;
import org.beacon.rules.RuleSetCompiler;
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
        assertThat(c.tests()).hasSizeGreaterThanOrEqualTo(7).allMatch(TestOutcome::passed);
        assertThat(c.ruleSet()).isPresent();
    }

    @ParameterizedTest
    @EnumSource(StarterWorkbook.Language.class)
    void offersDropDownsOnTheTableAndTheDictionary(StarterWorkbook.Language language) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(written(language)))) {
            List<String> lists = List.of(1, 3).stream().flatMap(i -> wb.getSheetAt(i).getDataValidations().stream())
                    .map(DataValidation::getValidationConstraint).map(v -> String.join(",", v.getExplicitListValues()))
                    .toList();
            assertThat(lists).anyMatch(l -> l.contains("integer,decimal,boolean,enum,text"))
                    .anyMatch(l -> l.contains("Ⅰ,Ⅱ,Ⅲ,Ⅳ")).anyMatch(l -> l.contains("red"))
                    .anyMatch(l -> l.contains(language == StarterWorkbook.Language.ZH ? "最高级别" : "highest grade"));
        }
    }
}
