package org.beacon.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.beacon.rules.Compilation;
import org.beacon.rules.RuleSetCompiler;
import org.beacon.rules.model.WorkbookSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 10, figure 4 (bundled workbooks only): the whole compile the service runs on start-up and on every upload,
 * from the workbooks' bytes (read once) to a tested rule set: reading, checking, analysing, generating DRL, Drools,
 * and running the test sheets. Single shots: {@code cold} is the first compile in a fresh JVM, as at start-up;
 * {@code warm} follows three compiles, as an upload to a running service does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CompileBenchmark {

    private List<WorkbookSource> sources;

    @Setup
    public void read() {
        sources = BundledTables.sources();
    }

    @Benchmark
    @Fork(3)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public Compilation cold() {
        return compileChecked();
    }

    @Benchmark
    @Fork(1)
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    public Compilation warm() {
        return compileChecked();
    }

    private Compilation compileChecked() {
        Compilation c = new RuleSetCompiler().compile(sources);
        if (!c.succeeded()) {
            throw new IllegalStateException("tables/ does not compile: " + c.errors());
        }
        return c;
    }
}
