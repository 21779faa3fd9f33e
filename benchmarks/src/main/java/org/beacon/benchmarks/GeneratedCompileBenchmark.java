package org.beacon.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.beacon.rules.Compilation;
import org.beacon.rules.RuleSetCompiler;
import org.beacon.rules.engine.BareDroolsCompile;
import org.beacon.rules.model.Findings;
import org.beacon.rules.model.RuleSetBudget;
import org.beacon.rules.model.RuleSetModel;
import org.beacon.rules.model.WorkbookLimits;
import org.beacon.rules.model.WorkbookSource;
import org.beacon.rules.reading.RuleSetReader;
import org.beacon.rules.workbook.WorkbookContent;
import org.beacon.rules.workbook.WorkbookReader;
import org.kie.api.KieBase;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 10, figure 4 (generated tables): the whole compile of one workbook holding a single table of 100, 1,000 or
 * 10,000 rows ({@link GeneratedWorkbook}), against the baseline of Drools alone building the very DRL Beacon
 * generates for it ({@link BareDroolsCompile}), which leaves Beacon's own work (reading the workbook, checking every
 * cell, analysing the table, writing DRL, running the test sheet) as the difference.
 *
 * <p>Single shots, as in {@link CompileBenchmark}: {@code *Cold} is the first compile in a fresh JVM (the workbook
 * has been written by POI in that JVM; for the baseline, Beacon has read it and written the DRL, without touching
 * Drools), {@code *Warm} follows two compiles of the same size. Every Beacon compile is checked after its shot: the
 * test sheet passes and the first, middle and last rows each decide their own situation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GeneratedCompileBenchmark {

    @Param({"100", "1000", "10000"})
    public int rows;

    private GeneratedWorkbook workbook;
    private List<WorkbookSource> sources;
    private String drl;
    private Compilation last;

    @Setup
    public void generate() {
        workbook = new GeneratedWorkbook(rows);
        sources = List.of(workbook.source());
        Findings findings = Findings.collecting();
        WorkbookContent content = new WorkbookReader(WorkbookLimits.DEFAULT).read(sources.get(0));
        RuleSetModel model = new RuleSetReader(WorkbookLimits.DEFAULT, RuleSetBudget.UNLIMITED).readSheets(List.of(content), findings);
        if (!content.diagnostics().isEmpty() || model.tables().size() != 1
                || model.tables().get(0).rules().size() != rows) {
            throw new IllegalStateException("generated workbook of " + rows + " rows does not read back: "
                    + content.diagnostics() + " " + findings);
        }
        drl = BareDroolsCompile.drl(model);
    }

    @Benchmark
    @Fork(3)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public Compilation beaconCold() {
        return beacon();
    }

    @Benchmark
    @Fork(1)
    @Warmup(iterations = 2)
    @Measurement(iterations = 3)
    public Compilation beaconWarm() {
        return beacon();
    }

    @Benchmark
    @Fork(3)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public KieBase droolsCold() {
        return BareDroolsCompile.compile(drl);
    }

    @Benchmark
    @Fork(1)
    @Warmup(iterations = 2)
    @Measurement(iterations = 3)
    public KieBase droolsWarm() {
        return BareDroolsCompile.compile(drl);
    }

    /** Checked after each shot, not in it: a first evaluation in a fresh JVM is no part of compiling. */
    @TearDown(Level.Iteration)
    public void check() {
        if (last != null) {
            workbook.check(last);
            last = null;
        }
    }

    private Compilation beacon() {
        last = new RuleSetCompiler().compile(sources);
        return last;
    }
}
