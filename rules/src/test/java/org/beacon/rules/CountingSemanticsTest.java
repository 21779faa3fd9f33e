package org.beacon.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The plans' counting words and the other condition forms, checked on both sides of the boundary through compiled
 * rules: 以上/以下 include the number, 超过/不足/不满 exclude it (民法典 Art. 1259, criteria §0).
 */
class CountingSemanticsTest {

    private static boolean matches(String cell, int cases) {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("T").row("Table").row("Hit policy", "first match").row("Gaps", "expected").blank()
                .row("IF cases", "THEN grade").row(cell, "Ⅲ");
        CompiledRuleSet rs = Workbooks.compiled(b);
        return !rs.evaluate(Workbooks.situation("cholera", Map.of("cases", cases))).noMatch();
    }

    @ParameterizedTest(name = "''{0}'' at {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "30以上|30|true", "30以上|29|false", "30及以上|30|true",
            "9以下|9|true", "9以下|10|false",
            "超过100|100|false", "超过100|101|true", "超过100人|101|true",
            "不足10|10|false", "不足10|9|true", "不满10|9|true",
            "未超过5|5|true", "未超过5|6|false",
            "30例以上|30|true",
            "10～29|9|false", "10～29|10|true", "10～29|29|true", "10～29|30|false",
            "10~29|10|true", "10–29|29|true", "10-29|30|false", "10至29|20|true",
            "[10, 30)|29|true", "[10, 30)|30|false", "(100, 200]|100|false", "(100, 200]|200|true",
            "[1, ∞)|1|true", "[1, ∞)|0|false", "［10，30）|10|true",
            "≥30|30|true", "≥30|29|false", ">=30|30|true", "≥３０|30|true",
            ">100|100|false", ">100|101|true", "<10|10|false", "<10|9|true", "≤9|9|true", "<=9|10|false",
            "=5|5|true", "5|5|true", "5|6|false", "≠0|0|false", "≠0|1|true", "!=0|1|true", "<>0|0|false",
            "-|0|true", "any|12345|true", "任意|7|true"})
    void conditionCellMeansWhatThePlansMean(String cell, int cases, boolean expected) {
        assertThat(matches(cell, cases)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "header ''{0}'' cell ''{1}'' at {2} → {3}")
    @CsvSource(delimiter = '|', value = {
            "IF cases ≥|30|30|true", "IF cases ≥|30|29|false", "IF cases <|10|9|true", "IF cases <|10|10|false",
            "IF cases ≠|0|0|false", "IF cases range|10～29|29|true", "IF cases range|[10, 30)|30|false"})
    void operatorInTheHeaderAppliesToBareValues(String header, String cell, int cases, boolean expected) {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("T").row("Table").row("Hit policy", "first match").row("Gaps", "expected").blank()
                .row(header, "THEN grade").row(cell, "Ⅲ");
        CompiledRuleSet rs = Workbooks.compiled(b);
        assertThat(!rs.evaluate(Workbooks.situation("cholera", Map.of("cases", cases))).noMatch()).isEqualTo(expected);
    }
}
