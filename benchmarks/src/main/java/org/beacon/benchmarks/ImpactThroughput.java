package org.beacon.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.beacon.rules.Compilation;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.RuleSetCompiler;
import org.beacon.rules.impact.ImpactComparison;
import org.beacon.rules.impact.ImpactReport;
import org.beacon.rules.model.Situation;
import org.beacon.rules.model.WorkbookSource;

/**
 * Issue 21, item 1: the impact of a version (tables/ against the same with cholera's Ⅱ from 25 cases) over N
 * varied situations, streamed, against plain evaluation of the same N situations with one version, in the same JVM
 * and the same run (situations generated on the fly for both, from the same seed). Prints situations/s of each, their
 * ratio, and the heap in use after a full GC with the comparison (its counts and examples) still referenced, next to
 * the heap before: the retained growth must not follow N. Not JMH: a few rounds of each in one JVM, the best kept.
 *
 * <pre>java -Xmx256m -cp benchmarks/target/benchmarks.jar org.beacon.benchmarks.ImpactThroughput 10000 100000</pre>
 */
public final class ImpactThroughput {

    private static final int ROUNDS = 3;
    private static final int EXAMPLES = 10;

    private ImpactThroughput() {
    }

    public static void main(String[] args) {
        List<Integer> sizes = new ArrayList<>();
        for (String a : args.length == 0 ? new String[] {"10000", "100000"} : args) {
            sizes.add(Integer.parseInt(a));
        }
        CompiledRuleSet before = BundledTables.compile();
        Compilation c = new RuleSetCompiler().compile("lowered", lowered(BundledTables.sources()));
        if (!c.errors().isEmpty()) {
            throw new IllegalStateException("the lowered tables do not compile: " + c.errors());
        }
        CompiledRuleSet after = c.ruleSet().orElseThrow();
        // warm-up: both paths JIT-compiled before anything is measured
        evaluate(before, 20_000);
        impact(before, after, 20_000);
        for (int n : sizes) {
            double plain = 0;
            double compared = 0;
            for (int r = 0; r < ROUNDS; r++) {
                plain = Math.max(plain, evaluate(before, n));
                compared = Math.max(compared, impact(before, after, n));
            }
            long heapBefore = usedAfterGc();
            ImpactComparison kept = new ImpactComparison(before, after, EXAMPLES);
            situations(n, (id, s) -> kept.add(id, s));
            long heapKept = usedAfterGc();
            ImpactReport report = kept.report();
            System.out.printf("situations=%d evaluatePerSec=%.0f impactPerSec=%.0f ratio=%.2f heapBeforeMB=%.1f "
                    + "heapWithComparisonMB=%.1f retainedMB=%.2f changed=%d maxHeapMB=%d%n", n, plain, compared,
                    compared / plain, mb(heapBefore), mb(heapKept), mb(heapKept - heapBefore), report.changed(),
                    Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    /** Plain evaluation with one version (the baseline): check and decide, without explanation. */
    private static double evaluate(CompiledRuleSet rs, int n) {
        long[] graded = {0};
        long start = System.nanoTime();
        situations(n, (id, s) -> {
            // counted so the decision is used and cannot be optimised away
            if (rs.evaluate(rs.check(s), false).grade() != null) {
                graded[0]++;
            }
        });
        double perSec = n / ((System.nanoTime() - start) / 1e9);
        if (graded[0] < 0) {
            throw new IllegalStateException();
        }
        return perSec;
    }

    private static double impact(CompiledRuleSet before, CompiledRuleSet after, int n) {
        ImpactComparison impact = new ImpactComparison(before, after, EXAMPLES);
        long start = System.nanoTime();
        situations(n, impact::add);
        double perSec = n / ((System.nanoTime() - start) / 1e9);
        impact.report();
        return perSec;
    }

    private interface Receiver {
        void accept(String id, Situation s);
    }

    /** The same seeded stream every time, one situation at a time, never a list. */
    private static void situations(int n, Receiver into) {
        SplittableRandom random = new SplittableRandom(21);
        for (int i = 0; i < n; i++) {
            into.accept("s" + i, VariedSituations.one(i % 12, random));
        }
    }

    /** tables/ with Cholera!A8 ≥30 → ≥25 and the test of 29 cases (Tests!N33:P33) expecting Ⅱ, orange, R8. */
    static List<WorkbookSource> lowered(List<WorkbookSource> bundled) {
        List<WorkbookSource> all = new ArrayList<>();
        for (WorkbookSource s : bundled) {
            if (!s.name().equals("national-grading.xlsx")) {
                all.add(s);
                continue;
            }
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(s.bytes()));
                    ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                Sheet tests = wb.getSheet("Tests");
                wb.getSheet("Cholera").getRow(7).getCell(0).setCellValue("≥25");
                tests.getRow(32).getCell(13).setCellValue("Ⅱ");
                tests.getRow(32).getCell(14).setCellValue("orange");
                tests.getRow(32).getCell(15).setCellValue("Cholera!R8");
                wb.write(out);
                all.add(new WorkbookSource(s.name(), out.toByteArray()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
