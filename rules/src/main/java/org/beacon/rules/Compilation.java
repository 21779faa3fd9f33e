package org.beacon.rules;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.beacon.rules.model.Diagnostic;
import org.beacon.rules.model.Severity;
import org.beacon.rules.model.TestOutcome;

/**
 * What compiling a set of workbooks produced: every diagnostic, every test outcome, the rule set when there was no
 * error, and the phases the compile went through with the time each took. Immutable.
 *
 * @param phases the phases run, in order; a compile stopped by errors lists those up to the one that found them
 */
public record Compilation(CompiledRuleSet compiled, String contentHash, List<Diagnostic> diagnostics,
        List<TestOutcome> tests, List<Phase> phases) {

    public Compilation {
        diagnostics = List.copyOf(diagnostics);
        tests = List.copyOf(tests);
        phases = List.copyOf(phases);
    }

    /**
     * One phase of a compile, its wall-clock time and the CPU time of the thread that ran it (zero where the JVM does
     * not measure thread CPU time). Under load the wall-clock time counts other processes' share of the cores; the
     * CPU time does not, nor the JVM's own threads (the JIT compilers, the garbage collector). The phases, in the order they run: {@value #READ} (the files
     * hashed, read within the limits and counted against the budget), {@value #PARSE} (every sheet's cells checked
     * into the typed model), {@value #ANALYSE} (gaps, overlaps and dead rows), {@value #GENERATE} (rules written from
     * the model), {@value #DROOLS_BUILD} (Drools compiles them; or {@value #DROOLS_LOAD}, Drools' packages compiled
     * from the same rules by an earlier start loaded instead, {@link PrecompiledRules}) and {@value #TESTS} (the test
     * sheets run).
     */
    public record Phase(String name, Duration duration, Duration cpu) {

        public static final String READ = "read";
        public static final String PARSE = "parse";
        public static final String ANALYSE = "analyse";
        public static final String GENERATE = "generate";
        public static final String DROOLS_BUILD = "Drools build";
        public static final String DROOLS_LOAD = "Drools load";
        public static final String TESTS = "tests";

        public Phase {
            if (duration.isNegative() || cpu.isNegative()) {
                throw new IllegalArgumentException("a phase cannot take a negative time, not " + duration + ", "
                        + cpu + " CPU");
            }
        }
    }

    /** The rule set, present only when no diagnostic is an error (failing tests included). */
    public Optional<CompiledRuleSet> ruleSet() {
        return Optional.ofNullable(compiled);
    }

    /** Whether Drools' packages were loaded from an earlier compile instead of compiled ({@link PrecompiledRules}). */
    public boolean precompiled() {
        return phases.stream().anyMatch(p -> p.name().equals(Phase.DROOLS_LOAD));
    }

    /**
     * Whether this is a kept version loaded without its analysis and test sheets ({@link RuleSetCompiler#load}):
     * then {@link #tests()} is empty and {@link #diagnostics()} lacks the analysis' findings, though all were met.
     */
    public boolean checksSkipped() {
        return precompiled() && phases.stream().noneMatch(p -> p.name().equals(Phase.TESTS));
    }

    public boolean succeeded() {
        return compiled != null;
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).toList();
    }
}
