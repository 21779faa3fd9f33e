package org.beacon.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beacon.rules.RuleSetCompiler;
import org.beacon.rules.analysis.TableAnalyzer;
import org.beacon.rules.engine.BareDroolsCompile;
import org.beacon.rules.engine.RuleBase;
import org.beacon.rules.evaluation.RuleSetEvaluator;
import org.beacon.rules.evaluation.TestSheetRunner;
import org.beacon.rules.model.Findings;
import org.beacon.rules.model.RuleSetBudget;
import org.beacon.rules.model.RuleSetModel;
import org.beacon.rules.model.TestOutcome;
import org.beacon.rules.model.WorkbookLimits;
import org.beacon.rules.model.WorkbookSource;
import org.beacon.rules.reading.RuleSetReader;
import org.beacon.rules.workbook.WorkbookContent;
import org.beacon.rules.workbook.WorkbookReader;

/**
 * Where the time of one compile goes: the steps of {@link RuleSetCompiler#compile} run one by one with a clock
 * around each (reading the files, the model, the table analysis, DRL, Drools, the test sheets). A diagnostic, not a
 * benchmark: the steps are copied from the compiler, so keep them in step with it.
 */
public final class CompilePhases {

    private final Map<String, Long> millis = new LinkedHashMap<>();
    private long mark = System.nanoTime();

    private CompilePhases() {
    }

    /** Times one compile of these workbooks; fails if it does not succeed. */
    public static Map<String, Long> of(List<WorkbookSource> sources) {
        CompilePhases p = new CompilePhases();
        Findings findings = Findings.collecting();
        WorkbookReader reader = new WorkbookReader(WorkbookLimits.DEFAULT);
        List<WorkbookContent> contents = new ArrayList<>();
        for (WorkbookSource s : sources) {
            contents.add(reader.read(s));
        }
        p.lap("read xlsx");
        RuleSetModel model = new RuleSetReader(WorkbookLimits.DEFAULT, RuleSetBudget.UNLIMITED).readSheets(contents, findings);
        p.lap("model (cells checked)");
        new TableAnalyzer(TableAnalyzer.DEFAULT_BUDGET).analyze(model, findings);
        p.lap("table analysis");
        BareDroolsCompile.drl(model);
        p.lap("DRL written (again inside Drools' step)");
        RuleBase ruleBase = RuleBase.build(model, findings);
        p.lap("DRL + Drools");
        if (ruleBase == null || findings.hasErrors()) {
            throw new IllegalStateException("does not compile: " + findings.all());
        }
        RuleSetEvaluator evaluator = new RuleSetEvaluator("phases", "", model, ruleBase);
        List<TestOutcome> tests = TestSheetRunner.run(evaluator, model.tests(), findings);
        p.lap("test sheets (" + tests.size() + " cases)");
        if (findings.hasErrors()) {
            throw new IllegalStateException("tests failed: " + findings.all());
        }
        return p.millis;
    }

    private void lap(String phase) {
        long now = System.nanoTime();
        millis.put(phase, (now - mark) / 1_000_000);
        mark = now;
    }

    /** {@code CompilePhases <folder of workbooks> [repeats]}: one line per compile, the first one cold. */
    public static void main(String[] args) {
        List<WorkbookSource> sources = WorkbookSource.readAll(Path.of(args.length > 0 ? args[0] : "tables"));
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        for (int i = 0; i < repeats; i++) {
            System.out.println((i == 0 ? "cold " : "warm ") + of(sources));
        }
    }
}
