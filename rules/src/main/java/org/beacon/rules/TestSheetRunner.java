package org.beacon.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.beacon.rules.table.Findings;
import org.beacon.rules.table.TestCase;

/** Runs the cases of the Tests sheets through the compiled rules, exactly as a situation would be evaluated. */
final class TestSheetRunner {

    private TestSheetRunner() {
    }

    static List<TestOutcome> run(CompiledRuleSet ruleSet, List<TestCase> cases, Findings findings) {
        List<TestOutcome> outcomes = new ArrayList<>();
        for (TestCase c : cases) {
            Decision d = ruleSet.evaluateValues(c.given(), false);
            List<String> failures = new ArrayList<>();
            String firstFailingCell = null;
            for (TestCase.Expectation e : c.expectations()) {
                Set<String> actual = actual(d, e);
                if (!actual.equals(e.values())) {
                    failures.add(e.cell() + ": expected " + e.output() + " " + show(e.values()) + ", got "
                            + show(actual));
                    if (firstFailingCell == null) {
                        firstFailingCell = e.cell();
                    }
                }
            }
            if (failures.isEmpty()) {
                outcomes.add(new TestOutcome(c.workbook(), c.location(), true, ""));
            } else {
                String message = "test failed: " + String.join("; ", failures) + " (rows that answered: "
                        + (d.firedRules().isEmpty() ? "none" : String.join(", ", d.firedRules())) + ")";
                outcomes.add(new TestOutcome(c.workbook(), c.location(), false, message));
                findings.forWorkbook(c.workbook()).error(firstFailingCell, "TEST_FAILED", message);
            }
        }
        return outcomes;
    }

    private static Set<String> actual(Decision d, TestCase.Expectation e) {
        Set<String> out = new LinkedHashSet<>();
        switch (e.kind()) {
            case GRADE -> {
                if (d.grade() != null) {
                    out.add(d.grade().numeral());
                }
            }
            case COLOUR -> {
                if (d.colour() != null) {
                    out.add(d.colour().code());
                }
            }
            case ROWS -> out.addAll(d.firedRules());
            case OUTPUT -> {
                for (TableDecision t : d.tables()) {
                    for (RuleMatch m : t.matches()) {
                        if (e.output().equals("actions")) {
                            out.addAll(m.actions());
                        } else {
                            String v = m.outputs().get(e.output());
                            if (v != null) {
                                out.add(v.trim());
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    private static String show(Set<String> values) {
        return values.isEmpty() ? "none" : String.join(", ", new TreeSet<>(values));
    }
}
