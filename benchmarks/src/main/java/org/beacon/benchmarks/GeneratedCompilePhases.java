package org.beacon.benchmarks;

import java.util.List;
import org.beacon.rules.model.WorkbookSource;

/**
 * {@code GeneratedCompilePhases <rows> [repeats]}: where the time of compiling a generated table goes, phase by phase
 * as the compiler reports it ({@link CompilePhases}), the first line in a fresh JVM. Its output is a CLI's.
 */
public final class GeneratedCompilePhases {

    private GeneratedCompilePhases() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        List<WorkbookSource> sources = List.of(new GeneratedWorkbook(rows).source());
        for (int i = 0; i < repeats; i++) {
            System.out.println(rows + " rows, " + (i == 0 ? "cold " : "warm ") + CompilePhases.of(sources));
        }
    }
}
