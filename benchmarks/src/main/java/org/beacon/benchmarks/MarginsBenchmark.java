package org.beacon.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.beacon.rules.CheckedSituation;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.decision.Decision;
import org.beacon.rules.decision.Margins;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Issue 23: what margins cost per situation. The same situations decided with their explanation (what
 * {@code POST /evaluations} does) and then with their margins too ({@code ?margins=true}), in the same run:
 * examples/requests/cholera-county-12.json, and {@value #VARIED} varied situations of the shapes of
 * examples/requests/ (both sides of the thresholds). Situations are checked once in setup, as the service checks a
 * request once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class MarginsBenchmark {

    static final int VARIED = 1_000;

    private CompiledRuleSet tables;
    private CheckedSituation cholera;
    private List<CheckedSituation> varied;

    @Setup
    public void compile() {
        tables = BundledTables.compile();
        cholera = tables.check(BundledTables.CHOLERA_COUNTY_12);
        varied = VariedSituations.of(tables, VARIED, 23).stream().map(tables::check).toList();
        Margins m = tables.margins(cholera, tables.evaluate(cholera, true));
        if (m.indicators().stream().noneMatch(i -> i.indicator().equals("cases") && i.above() != null)) {
            throw new IllegalStateException("expected cases to have a margin above: " + m);
        }
    }

    @Benchmark
    public Decision cholera() {
        return tables.evaluate(cholera, true);
    }

    @Benchmark
    public Margins choleraWithMargins() {
        return tables.margins(cholera, tables.evaluate(cholera, true));
    }

    @Benchmark
    @OperationsPerInvocation(VARIED)
    public void varied(Blackhole out) {
        for (CheckedSituation s : varied) {
            out.consume(tables.evaluate(s, true));
        }
    }

    @Benchmark
    @OperationsPerInvocation(VARIED)
    public void variedWithMargins(Blackhole out) {
        for (CheckedSituation s : varied) {
            out.consume(tables.margins(s, tables.evaluate(s, true)));
        }
    }
}
