package org.beacon.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.rules.Workbooks.compiled;
import static org.beacon.rules.Workbooks.situation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beacon.rules.model.SituationProblem;
import org.junit.jupiter.api.Test;

/**
 * What the problems of a situation say, and how much: numbers as they were written, each long list of valid names
 * given once, and at most a hundred problems for a situation with any number of wrong names.
 */
class SituationProblemsTest {

    private static final CompiledRuleSet RULES = compiled(WorkbookBuilder.cholera());

    private static List<SituationProblem> problems(Map<String, Object> indicators) {
        return RULES.check(situation("cholera", indicators)).problems();
    }

    @Test
    void anIntegerWithAFractionIsRefusedHoweverSmallTheFraction() {
        for (String text : List.of("29.999999999999999999", "12.000000000000000001", "1E-400")) {
            assertThat(problems(Map.of("cases", new BigDecimal(text)))).singleElement()
                    .satisfies(p -> assertThat(p.message()).isEqualTo("cases must be a whole number, not "
                            + new BigDecimal(text)));
        }
        assertThat(problems(Map.of("cases", new BigDecimal("30.000")))).isEmpty();
        assertThat(RULES.evaluate(situation("cholera", Map.of("cases", new BigDecimal("30.000")))).firedRules())
                .containsExactly("Cholera!R6");
    }

    @Test
    void aNumberIsQuotedBackShortWhateverItsExponent() {
        List<SituationProblem> tiny = problems(Map.of("cases", new BigDecimal("1E-999999999")));
        assertThat(tiny).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("cases must be a whole number, not 1E-999999999"));
        List<SituationProblem> huge = problems(Map.of("ratio", new BigDecimal("1E+999999999")));
        assertThat(huge).singleElement().satisfies(p -> assertThat(p.message()).hasSizeLessThan(120)
                .contains("1E+999999999"));
        List<SituationProblem> long1 = problems(Map.of("deaths", new BigDecimal("1" + "0".repeat(999))));
        assertThat(long1).singleElement().satisfies(p -> assertThat(p.message()).hasSizeLessThan(160));
    }

    @Test
    void theListOfValidIndicatorsIsGivenOnceAndTheOtherProblemsPointAtIt() {
        Map<String, Object> indicators = new LinkedHashMap<>();
        indicators.put("casez", 1);
        indicators.put("death", 1);
        indicators.put("wholly-unknown", 1);
        List<SituationProblem> problems = problems(indicators);
        assertThat(problems).extracting(SituationProblem::message).filteredOn(m -> m.contains("valid indicators: "))
                .singleElement().asString().startsWith("unknown indicator 'casez'; did you mean cases?");
        assertThat(problems.get(1).message()).isEqualTo("unknown indicator 'death'; did you mean deaths?; the valid "
                + "ones are listed at /indicators/casez");
        assertThat(problems.get(2).message()).isEqualTo("unknown indicator 'wholly-unknown'; the valid ones are "
                + "listed at /indicators/casez");
    }

    @Test
    void aMillionWrongNamesGiveAHundredProblemsAndACountOfTheRest() {
        Map<String, Object> indicators = new LinkedHashMap<>();
        for (int i = 0; i < 1_000_000; i++) {
            indicators.put("k" + i, i);
        }
        List<SituationProblem> problems = problems(indicators);
        assertThat(problems).hasSize(101);
        assertThat(problems.get(100)).extracting(SituationProblem::pointer, SituationProblem::message)
                .containsExactly("/indicators", "999,900 more indicators not checked: at most 100 problems are "
                        + "listed, fix these first");
    }

    @Test
    void aFieldOfTheSituationSentAsAnIndicatorIsToldWhereItBelongs() {
        assertThat(problems(Map.of("eventType", "cholera"))).singleElement().satisfies(p -> assertThat(p.message())
                .startsWith("eventType is a field of the situation, not an indicator").doesNotContain("did you mean"));
        assertThat(problems(Map.of("asOf", "2026-07-01"))).singleElement().satisfies(p -> assertThat(p.message())
                .startsWith("asOf is a field of the situation"));
    }

    @Test
    void aNameWithASlashIsPointedAtEscaped() {
        assertThat(problems(Map.of("a/b~c", 1))).singleElement().extracting(SituationProblem::pointer)
                .isEqualTo("/indicators/a~1b~0c");
    }
}
