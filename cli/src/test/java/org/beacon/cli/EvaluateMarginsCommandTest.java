package org.beacon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.beacon.rules.Workbooks;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code beacon evaluate --margins}: how close a decision is to the next answer, as text and as JSON. */
class EvaluateMarginsCommandTest extends CommandTest {

    private static String tables() {
        return Workbooks.root().resolve("tables").toString();
    }

    private static String cholera12() {
        return Workbooks.root().resolve("examples/requests/cholera-county-12.json").toString();
    }

    @Test
    void printsHowFarTwelveCholeraCasesAreFromTheNextGradeEitherWay() {
        assertThat(run("evaluate", tables(), cholera12(), "--margins")).isZero();
        assertThat(out()).contains("decision:  grade Ⅲ 较大")
                .contains("  cases 12 例")
                .containsPattern("↑ at 30 \\(\\+18\\): grade Ⅱ 重大, warning orange, .*\\(Cholera!R8\\)")
                .containsPattern("↓ at 9 \\(−3\\): grade Ⅳ 一般, warning blue, .*Cholera!R13")
                .contains("  countiesAffected 1 ")
                .contains("↑ at 2 (+1): Cholera!R11 also matches, same answer")
                .contains("↑ no change in range");
    }

    @Test
    void speaksChineseWithTheSameValuesAndRowsUnderLangZh() {
        assertThat(run("evaluate", tables(), cholera12(), "--margins", "--lang", "zh")).isZero();
        assertThat(out()).contains("距离（其他取值不变时")
                .containsPattern("↑ 在 30（\\+18）：分级 Ⅱ 重大，预警 orange，.*（Cholera!R8）")
                .containsPattern("↓ 在 9（−3）：分级 Ⅳ 一般，预警 blue")
                .contains("↑ 在 2（+1）：Cholera!R11 也命中，结论不变")
                .doesNotContain("also match", "no change in range", "grade Ⅱ");
    }

    @Test
    void addsTheMarginsBesideTheDecisionInJson() {
        assertThat(run("evaluate", tables(), cholera12(), "--json", "--margins")).isZero();
        JsonNode root = JsonMapper.builder().build().readTree(out());
        assertThat(root.path("grade").asString()).isEqualTo("III");
        JsonNode cases = root.path("margins").path("indicators").get(0);
        assertThat(cases.path("indicator").asString()).isEqualTo("cases");
        assertThat(cases.path("above").path("value").decimalValue()).isEqualByComparingTo("30");
        assertThat(cases.path("above").path("distance").decimalValue()).isEqualByComparingTo("18");
        assertThat(cases.path("above").path("answer").path("grade").asString()).isEqualTo("II");
        assertThat(cases.path("above").path("rows").get(0).asString()).isEqualTo("Cholera!R8");
        assertThat(cases.path("below").path("value").decimalValue()).isEqualByComparingTo("9");
    }

    @Test
    void leavesTheJsonAnswerAsItWasWithoutTheFlag() {
        assertThat(run("evaluate", tables(), cholera12(), "--json")).isZero();
        assertThat(JsonMapper.builder().build().readTree(out()).has("margins")).isFalse();
    }

    @Test
    void refusesAnInvalidSituationWithOneLineAndPrintsNoMargins() throws Exception {
        Path situation = temp.resolve("bad.json");
        Files.writeString(situation, "{\"eventType\":\"cholera\",\"region\":{\"code\":\"1\",\"level\":\"county\"},"
                + "\"indicators\":{\"cases\":-3}}");
        assertThat(run("evaluate", tables(), situation.toString(), "--margins")).isEqualTo(BeaconCommand.USAGE);
        assertThat(err().lines()).singleElement().asString().contains("/indicators/cases");
        assertThat(out()).isEmpty();
    }
}
