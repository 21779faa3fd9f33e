package org.beacon.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Map;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.engine.BareDroolsSession;
import org.beacon.rules.model.Situation;

/**
 * {@link SingleEvaluationBenchmark}'s three measurements by the CPU time and the bytes of the measuring thread, for a
 * machine other work is loading: wall-clock times there measure the load, a thread's own CPU time much less. Beacon,
 * Beacon without explanation and the bare Drools pass run in turns, {@code n} situations each, for {@code rounds}
 * rounds after ten warm-up rounds; prints the median of each and Beacon's ratio to the bare pass. With
 * {@code seconds}, it runs Beacon alone that long after the warm-up instead, for a profiler (JFR) to sample.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.beacon.benchmarks.SingleEvaluationCpu [n] [rounds] [seconds]</pre>
 */
public final class SingleEvaluationCpu {

    private static volatile Object sink;

    private SingleEvaluationCpu() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        CompiledRuleSet tables = BundledTables.compile();
        Situation situation = BundledTables.CHOLERA_COUNTY_12;
        Map<String, Object> values = BundledTables.canonicalValues(tables, situation);
        BareDroolsSession bare = new BareDroolsSession(tables.ruleBase(), values);
        String[] names = {"beacon", "beaconWithoutExplanation", "bareDrools"};
        Runnable[] runs = {() -> sink = tables.evaluate(situation), () -> sink = tables.evaluate(situation, false),
            () -> sink = bare.fire()};
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        double[][] cpu = new double[runs.length][rounds];
        double[][] bytes = new double[runs.length][rounds];
        if (args.length > 2) {
            warmUp(runs, n);
            long end = System.nanoTime() + Long.parseLong(args[2]) * 1_000_000_000L;
            while (System.nanoTime() < end) {
                for (int i = 0; i < n; i++) {
                    runs[0].run();
                }
            }
            return;
        }
        for (int round = -10; round < rounds; round++) {
            for (int k = 0; k < runs.length; k++) {
                long cpu0 = threads.getCurrentThreadCpuTime();
                long bytes0 = threads.getThreadAllocatedBytes(self);
                for (int i = 0; i < n; i++) {
                    runs[k].run();
                }
                if (round >= 0) {
                    cpu[k][round] = (threads.getCurrentThreadCpuTime() - cpu0) / (double) n;
                    bytes[k][round] = (threads.getThreadAllocatedBytes(self) - bytes0) / (double) n;
                }
            }
        }
        double[] medians = new double[runs.length];
        for (int k = 0; k < runs.length; k++) {
            Arrays.sort(cpu[k]);
            Arrays.sort(bytes[k]);
            medians[k] = cpu[k][rounds / 2];
            System.out.printf("%-26s CPU %,8.0f ns a situation (quartiles %,.0f–%,.0f), %,8.0f B%n", names[k],
                    medians[k], cpu[k][rounds / 4], cpu[k][3 * rounds / 4], bytes[k][rounds / 2]);
        }
        System.out.printf("Beacon / bare Drools: %.2f×, without explanation %.2f×%n", medians[0] / medians[2],
                medians[1] / medians[2]);
    }

    private static void warmUp(Runnable[] runs, int n) {
        for (int round = 0; round < 10; round++) {
            for (Runnable run : runs) {
                for (int i = 0; i < n; i++) {
                    run.run();
                }
            }
        }
    }
}
