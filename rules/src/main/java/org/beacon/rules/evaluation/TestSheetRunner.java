package org.beacon.rules.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.beacon.rules.decision.Decision;
import org.beacon.rules.decision.RuleMatch;
import org.beacon.rules.decision.TableDecision;
import org.beacon.rules.model.DiagnosticMessages;
import org.beacon.rules.model.Findings;
import org.beacon.rules.model.Message;
import org.beacon.rules.model.TestOutcome;
import org.beacon.rules.model.TestSheetCase;
import org.beacon.rules.model.TypedOutputs;

/**
 * Runs the cases of the Tests sheets through the compiled rules, exactly as a situation would be evaluated, then
 * reports what they leave untested ({@link TestCoverage}).
 */
public final class TestSheetRunner {

    private TestSheetRunner() {
    }

    public static List<TestOutcome> run(RuleSetEvaluator rules, List<TestSheetCase> cases, Findings findings) {
        List<TestOutcome> outcomes = new ArrayList<>();
        List<TestCoverage.Run> runs = new ArrayList<>();
        for (TestSheetCase c : cases) {
            Decision d = rules.evaluateValues(c.given(), false);
            runs.add(new TestCoverage.Run(c, Set.copyOf(d.firedRules())));
            List<Message> failures = new ArrayList<>();
            String firstFailingCell = null;
            for (TestSheetCase.Expectation e : c.expectations()) {
                Set<String> actual = actual(d, e, c.workbook());
                if (!actual.equals(e.values())) {
                    failures.add(Message.of("phrase.expectedGot", e.cell(), output(e), show(e, e.values()),
                            show(e, actual)));
                    if (firstFailingCell == null) {
                        firstFailingCell = e.cell();
                    }
                }
            }
            if (failures.isEmpty()) {
                outcomes.add(new TestOutcome(c.workbook(), c.location(), true, ""));
            } else {
                Message text = Message.of("TEST_FAILED", Message.joined("separator.clauses", failures),
                        d.firedRules().isEmpty() ? Message.word("none") : String.join(", ", d.firedRules()));
                outcomes.add(new TestOutcome(c.workbook(), c.location(), false, DiagnosticMessages.english(text),
                        text));
                findings.forWorkbook(c.workbook()).error(firstFailingCell, text);
            }
        }
        TestCoverage.report(rules.model().tables(), runs, findings);
        return outcomes;
    }

    /**
     * What the decision shows for one EXPECT column. Grade and colour are the whole rule set's; rows, actions and
     * outputs are those of the test's own workbook, so adding a workbook never breaks another's tests.
     */
    private static Set<String> actual(Decision d, TestSheetCase.Expectation e, String workbook) {
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
            case ROWS -> d.tables().stream().filter(t -> t.workbook().equals(workbook))
                    .forEach(t -> t.matches().forEach(m -> out.add(m.ruleId())));
            case OUTPUT -> {
                for (TableDecision t : d.tables()) {
                    if (!t.workbook().equals(workbook)) {
                        continue;
                    }
                    for (RuleMatch m : t.matches()) {
                        if (e.output().equals("actions")) {
                            out.addAll(m.actions());
                        } else {
                            String v = m.outputs().get(e.output());
                            if (v != null) {
                                out.addAll(TestSheetCase.comparable(e.output(), v));
                            }
                        }
                    }
                }
                return TypedOutputs.kept(e.output(), out);
            }
        }
        return out;
    }

    /** The grade, colour, rows and actions columns by their name in the reader's language; an output as written. */
    private static Object output(TestSheetCase.Expectation e) {
        return e.kind() == TestSheetCase.Kind.OUTPUT && !e.output().equals("actions") ? e.output()
                : Message.word("output." + e.output());
    }

    /** The values in order, a colour as a word of the reader's language, {@code none} when there are none. */
    private static Object show(TestSheetCase.Expectation e, Set<String> values) {
        if (values.isEmpty()) {
            return Message.word("none");
        }
        return Message.joined("separator.items", new TreeSet<>(values).stream()
                .map(v -> e.kind() == TestSheetCase.Kind.COLOUR ? Message.word("colour." + v) : (Object) v).toList());
    }
}
