package org.beacon.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import org.beacon.rules.Compilation;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.RuleSetCompiler;
import org.beacon.rules.model.RuleSetBudget;
import org.beacon.rules.model.WorkbookLimits;
import org.beacon.rules.model.WorkbookSource;

/**
 * Issue 10, figure 4 (memory): how much heap a generated table of N rows needs to compile and to keep. Not a JMH
 * benchmark: one compile in a fresh JVM, after a 100-row compile has loaded and initialised everything once.
 * Prints the time of that compile (wall and CPU of the whole process), the heap and metaspace in use after a full GC
 * before it and while the compiled rule set alone is still referenced (its retained size, Drools' generated classes
 * in metaspace apart), and the peak of the heap pools. Run it under decreasing {@code -Xmx} to find the smallest
 * heap the compile succeeds in. Compiles without the rule-set budget, so that sizes beyond it can be measured.
 *
 * <pre>java -Xmx512m -cp benchmarks/target/benchmarks.jar org.beacon.benchmarks.CompileMemory 10000</pre>
 *
 * Its output is a CLI's: one line of {@code key=value} pairs on standard output.
 */
public final class CompileMemory {

    private CompileMemory() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        RuleSetCompiler compiler = new RuleSetCompiler(WorkbookLimits.DEFAULT, RuleSetBudget.UNLIMITED);
        GeneratedWorkbook small = new GeneratedWorkbook(100);
        small.check(compiler.compile(List.of(small.source())));

        GeneratedWorkbook workbook = new GeneratedWorkbook(rows);
        List<WorkbookSource> sources = List.of(workbook.source());
        long heapBefore = usedAfterGc(MemoryType.HEAP);
        long metaBefore = usedAfterGc(MemoryType.NON_HEAP);
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        Compilation c = compiler.compile(sources);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long cpuMillis = (processCpuNanos() - cpuStart) / 1_000_000;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        CompiledRuleSet kept = workbook.check(c);
        c = null;
        long heapKept = usedAfterGc(MemoryType.HEAP);
        long metaKept = usedAfterGc(MemoryType.NON_HEAP);
        System.out.printf("rows=%d compileMs=%d cpuMs=%d maxHeapMB=%d heapBeforeMB=%.1f keptHeapMB=%.1f "
                + "retainedMB=%.1f nonHeapGrowthMB=%.1f peakHeapPoolsMB=%.1f rules=%d%n", rows, millis, cpuMillis,
                Runtime.getRuntime().maxMemory() >> 20, mb(heapBefore), mb(heapKept), mb(heapKept - heapBefore),
                mb(metaKept - metaBefore), mb(peak), kept.tables().get(0).rules().size());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long usedAfterGc(MemoryType type) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == type)
                .mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
