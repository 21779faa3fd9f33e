package org.beacon.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.rules.Workbooks.only;

import java.util.List;
import java.util.Locale;
import org.beacon.rules.model.Diagnostic;
import org.beacon.rules.model.RuleSetBudget;
import org.beacon.rules.model.WorkbookLimits;
import org.beacon.rules.model.WorkbookSource;
import org.junit.jupiter.api.Test;

/**
 * A version larger than its budget is refused from its counts, before any cell is parsed or any rule compiled, with
 * one diagnostic that states the limit, the size found and how to make it fit.
 */
class RuleSetBudgetTest {

    /** A first-match table of {@code rules} rule rows on its own sheet, cases in bands of 5. */
    private static WorkbookSource table(String file, String sheet, int rules, Object firstCases) {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        WorkbookBuilder.Sheet s = b.sheet(sheet).row("Table", sheet).row("Hit policy", "first match")
                .row("Gaps", "expected").blank().row("IF cases", "THEN grade", "THEN label");
        for (int i = 0; i < rules; i++) {
            s.row(i == 0 ? firstCases : "[" + 5 * i + ", " + (5 * i + 5) + ")", "Ⅳ", "band " + i);
        }
        return b.source(file);
    }

    private static Compilation compile(RuleSetBudget budget, WorkbookSource... sources) {
        return new RuleSetCompiler(WorkbookLimits.DEFAULT, budget).compile(List.of(sources));
    }

    @Test
    void refusesAVersionWithMoreTableRowsThanItsBudgetBeforeParsingAnyCell() {
        Compilation c = compile(new RuleSetBudget(30, 100_000), table("big.xlsx", "Big", 40, "many"));

        assertThat(c.succeeded()).isFalse();
        assertThat(c.diagnostics()).as("nothing parsed: the cell 'many' is never read as cases")
                .extracting(Diagnostic::code).containsExactly("RULE_SET_TOO_LARGE");
        Diagnostic d = only(c, "RULE_SET_TOO_LARGE");
        assertThat(d.workbook()).isEqualTo("big.xlsx");
        assertThat(d.location()).isEqualTo("Big");
        assertThat(d.message()).contains("40 rule rows in its tables").contains("the limit is 30")
                .contains("Big in big.xlsx, 40").contains("ranges").contains("split");
        assertThat(c.tests()).isEmpty();
        assertThat(c.phases()).as("stopped after reading").extracting(Compilation.Phase::name)
                .containsExactly("read");
    }

    @Test
    void countsTheTableRowsOfEveryWorkbookOfAVersionTogether() {
        RuleSetBudget budget = new RuleSetBudget(40, 100_000);
        WorkbookSource first = table("first.xlsx", "First", 15, "≥1000");
        WorkbookSource second = table("second.xlsx", "Second", 30, "≥1000");
        assertThat(compile(budget, first).errors()).isEmpty();
        assertThat(compile(budget, second).errors()).isEmpty();

        Diagnostic d = only(compile(budget, first, second), "RULE_SET_TOO_LARGE");
        assertThat(d.workbook()).as("at the largest table").isEqualTo("second.xlsx");
        assertThat(d.location()).isEqualTo("Second");
        assertThat(d.message()).contains("45 rule rows").contains("the limit is 40")
                .contains("Second in second.xlsx, 30; First in first.xlsx, 15");
    }

    @Test
    void countsTheCellsOfTestsAndDictionariesToo() {
        WorkbookBuilder b = WorkbookBuilder.cholera();
        WorkbookBuilder.Sheet tests = b.sheet("Tests").row("Tests").row("GIVEN eventType", "GIVEN cases",
                "EXPECT grade");
        for (int i = 0; i < 100; i++) {
            tests.row("cholera", 30 + i, "Ⅱ");
        }
        WorkbookSource source = b.source("cholera.xlsx");
        assertThat(compile(new RuleSetBudget(50, 1_000), source).errors()).isEmpty();

        Diagnostic d = only(compile(new RuleSetBudget(50, 300), source), "RULE_SET_TOO_LARGE");
        assertThat(d.message()).contains("non-blank cells (the limit is 300, tests and dictionaries included)")
                .doesNotContain("rule rows");
    }

    @Test
    void theDefaultBudgetRefusesATableWithinTheReadingLimitThatWouldNotFitInMemory() {
        long limit = RuleSetBudget.DEFAULT.maxRuleRows();
        int rules = (int) limit + 1;
        assertThat(rules + 5).as("within the reading limit").isLessThan(WorkbookLimits.DEFAULT.maxRowsPerSheet());

        Compilation c = new RuleSetCompiler().compile(List.of(table("large.xlsx", "Large", rules, "[0, 5)")));

        Diagnostic d = only(c, "RULE_SET_TOO_LARGE");
        assertThat(d.message()).contains(String.format(Locale.ROOT, "%,d rule rows in its tables (the limit is %,d",
                limit + 1, limit));
    }
}
