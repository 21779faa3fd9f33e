package org.beacon.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.beacon.rules.Compilation;
import org.beacon.rules.RuleSetCompiler;
import org.beacon.rules.model.RuleSetBudget;
import org.beacon.rules.model.WorkbookLimits;
import org.beacon.rules.model.WorkbookSource;

/**
 * Where the time of one compile goes, as the compiler reports it ({@link Compilation#phases()}: read, parse,
 * analyse, generate, Drools build, tests). A diagnostic, not a benchmark. Compiles without the rule-set budget, so
 * that sizes beyond it can be measured.
 */
public final class CompilePhases {

    private static final RuleSetCompiler COMPILER = new RuleSetCompiler(WorkbookLimits.DEFAULT,
            RuleSetBudget.UNLIMITED);

    private CompilePhases() {
    }

    /**
     * One compile of these workbooks, phase by phase in order: {@code read 812 ms (640 ms CPU), parse 702 ms (…),
     * …, tests 590 ms (…) (37 cases)}; fails if it does not succeed.
     */
    public static String of(List<WorkbookSource> sources) {
        Compilation c = COMPILER.compile(sources);
        if (!c.succeeded()) {
            throw new IllegalStateException("does not compile: " + c.errors());
        }
        return c.phases().stream().map(p -> p.name() + " " + p.duration().toMillis() + " ms ("
                + p.cpu().toMillis() + " ms CPU)")
                .collect(Collectors.joining(", ")) + " (" + c.tests().size() + " cases)";
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
