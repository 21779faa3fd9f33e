package org.beacon.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.decision.Decision;
import org.beacon.rules.engine.BareDroolsSession;
import org.beacon.rules.model.Situation;
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
 * Issue 10, figure 1: one situation (examples/requests/cholera-county-12.json) decided by
 * {@link CompiledRuleSet#evaluate} on the bundled tables, against a bare Drools stateless session on the same KieBase
 * given the same fact: the one pass Beacon fires for this situation (grading and response tables together).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class SingleEvaluationBenchmark {

    private CompiledRuleSet tables;
    private Situation situation;
    private BareDroolsSession bare;

    @Setup
    public void compile() {
        tables = BundledTables.compile();
        situation = BundledTables.CHOLERA_COUNTY_12;
        Map<String, Object> values = BundledTables.canonicalValues(tables, situation);
        bare = new BareDroolsSession(tables.ruleBase(), values);
        Decision decision = tables.evaluate(situation);
        if (decision.response() == null || decision.response().grade() == null) {
            throw new IllegalStateException("expected a graded situation that reaches the response tables: " + decision);
        }
        // the baseline must match exactly what Beacon's own pass matches, or the ratio means nothing
        sameHits(tables.ruleBase().fire(values), bare.fire());
    }

    private static void sameHits(List<long[]> beacon, List<long[]> bare) {
        String a = beacon.stream().map(Arrays::toString).sorted().toList().toString();
        String b = bare.stream().map(Arrays::toString).sorted().toList().toString();
        if (!a.equals(b)) {
            throw new IllegalStateException("bare session fired " + b + ", Beacon's pass " + a);
        }
    }

    @Benchmark
    public Decision beacon() {
        return tables.evaluate(situation);
    }

    @Benchmark
    public Decision beaconWithoutExplanation() {
        return tables.evaluate(situation, false);
    }

    @Benchmark
    public List<long[]> bareDrools() {
        return bare.fire();
    }
}
