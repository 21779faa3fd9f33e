package org.beacon.benchmarks;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.decision.Decision;
import org.beacon.rules.model.Situation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Issue 10, figure 2: a batch of {@value #BATCH} varied situations decided in-process on the bundled tables, one
 * thread and two (a parallel stream in a pool of two, the machine's cores). Scores are situations per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(BatchEvaluationBenchmark.BATCH)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class BatchEvaluationBenchmark {

    static final int BATCH = 1000;

    /** With the per-condition explanation (single requests) or without it (the batch endpoint's explain=false). */
    @Param({"true", "false"})
    public boolean explain;

    private CompiledRuleSet tables;
    private List<Situation> batch;
    private ForkJoinPool pool;

    @Setup
    public void prepare() {
        tables = BundledTables.compile();
        batch = VariedSituations.of(tables, BATCH, 10);
        pool = new ForkJoinPool(2);
    }

    @TearDown
    public void stop() {
        pool.shutdown();
    }

    @Benchmark
    public void oneThread(Blackhole bh) {
        for (Situation s : batch) {
            bh.consume(tables.evaluate(s, explain));
        }
    }

    @Benchmark
    public List<Decision> twoThreads() {
        return pool.submit(() -> batch.parallelStream().map(s -> tables.evaluate(s, explain)).toList()).join();
    }
}
