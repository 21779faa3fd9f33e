package org.beacon.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.rules.Workbooks.compile;
import static org.beacon.rules.Workbooks.withCode;
import static org.beacon.rules.Workbooks.compiled;
import static org.beacon.rules.Workbooks.situation;

import java.math.BigDecimal;
import java.util.Map;
import org.beacon.rules.decision.ConditionCheck;
import org.beacon.rules.decision.Decision;
import org.beacon.rules.model.Diagnostic;
import org.beacon.rules.model.TestOutcome;
import org.junit.jupiter.api.Test;

/**
 * A value the situation does not give is one more state: cells test it ({@code missing}, {@code given} and their
 * Chinese forms), the analysis counts it, the explanation shows it, and a blank GIVEN cell means it.
 */
class MissingValuesTest {

    /** A Dictionary of a covid rate and hospital beds, for the tables of the missing-value tests. */
    static WorkbookBuilder dictionary() {
        WorkbookBuilder b = new WorkbookBuilder();
        b.sheet("Dictionary").row("Dictionary").row("Name", "Type", "Values", "Min", "Max")
                .row("eventType", "enum", "covid", null, null)
                .row("rate", "decimal", null, 0, 1000)
                .row("beds", "integer", null, 0, 100000);
        return b;
    }

    @Test
    void aMissingCellMatchesOnlyASituationWithoutTheValue() {
        WorkbookBuilder b = dictionary();
        b.sheet("Beds").row("Table").row("Hit policy", "first match").row("Gaps", "expected").blank()
                .row("IF rate", "IF beds", "THEN note")
                .row("≥10", "缺失", "no bed figures")
                .row("≥10", "given", "bed figures");
        CompiledRuleSet rules = compiled(b);
        Decision without = rules.evaluate(situation("covid", Map.of("rate", new BigDecimal("12"))), true);
        assertThat(without.firedRules()).containsExactly("Beds!R6");
        ConditionCheck beds = without.tables().get(0).matches().get(0).explanation().stream()
                .filter(c -> c.indicator().equals("beds")).findFirst().orElseThrow();
        assertThat(beds.test()).isEqualTo("missing");
        assertThat(beds.actual()).isNull();

        Decision with = rules.evaluate(situation("covid", Map.of("rate", new BigDecimal("12"), "beds", 0)));
        assertThat(with.firedRules()).containsExactly("Beds!R7");
    }

    @Test
    void aRowThatFiresOnlyWhenAValueIsMissingIsNotCalledDead() {
        WorkbookBuilder b = dictionary();
        b.sheet("Level").row("Table").row("Hit policy", "first match").row("Gaps", "expected").blank()
                .row("IF rate", "IF beds", "THEN note")
                .row("-", "<5", "few beds")
                .row("-", "≥5", "enough beds")
                .row("≥10", "-", "no bed figures, high rate");
        Compilation c = compile(b);
        assertThat(c.errors()).isEmpty();
        assertThat(withCode(c, "ROW_NEVER_FIRES")).isEmpty();
    }

    @Test
    void aRowThatCannotFireEvenWithAMissingValueIsStillReported() {
        WorkbookBuilder b = dictionary();
        b.sheet("Level").row("Table").row("Hit policy", "first match").row("Gaps", "expected").blank()
                .row("IF rate", "IF beds", "THEN note")
                .row("-", "-", "always")
                .row("≥10", "missing", "never");
        Diagnostic d = Workbooks.only(compile(b), "ROW_NEVER_FIRES");
        assertThat(d.location()).isEqualTo("Level!R7");
    }

    @Test
    void aTableNeedNotCoverAMissingValue() {
        WorkbookBuilder b = dictionary();
        b.sheet("Level").row("Table").row("Hit policy", "first match").blank()
                .row("IF beds", "THEN note").row("<5", "few").row("≥5", "enough");
        assertThat(withCode(compile(b), "TABLE_GAP")).isEmpty();
    }

    @Test
    void aBlankOrMissingGivenCellIsAMissingValueInTests() {
        WorkbookBuilder b = dictionary();
        b.sheet("Beds").row("Table").row("Hit policy", "first match").row("Gaps", "expected").blank()
                .row("IF rate", "IF beds", "THEN note")
                .row("≥10", "missing", "none given")
                .row("≥10", "有值", "given");
        b.sheet("Tests").row("Tests").row("GIVEN eventType", "GIVEN rate", "GIVEN beds", "EXPECT rows")
                .row("covid", 12, null, "Beds!R6")
                .row("covid", 12, "缺失", "Beds!R6")
                .row("covid", 12, 3, "Beds!R7");
        Compilation c = compile(b);
        assertThat(c.errors()).isEmpty();
        assertThat(c.tests()).hasSize(3).allMatch(TestOutcome::passed);
    }

    @Test
    void anEnumThatListsTheWordKeepsItAsItsValue() {
        WorkbookBuilder b = new WorkbookBuilder();
        b.sheet("Dictionary").row("Dictionary").row("Name", "Type", "Values")
                .row("eventType", "enum", "covid").row("status", "enum", "found, missing");
        b.sheet("T").row("Table").row("Hit policy", "first match").row("Gaps", "expected").blank()
                .row("IF status", "THEN note").row("missing", "person missing");
        CompiledRuleSet rules = compiled(b);
        assertThat(rules.evaluate(situation("covid", Map.of("status", "missing"))).firedRules())
                .containsExactly("T!R6");
        assertThat(rules.evaluate(situation("covid", Map.of())).firedRules()).isEmpty();
    }
}
