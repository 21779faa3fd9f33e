package org.beacon.rules;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.beacon.rules.analysis.TableAnalyzer;
import org.beacon.rules.engine.RuleBase;
import org.beacon.rules.evaluation.RuleSetEvaluator;
import org.beacon.rules.evaluation.TestSheetRunner;
import org.beacon.rules.model.Diagnostic;
import org.beacon.rules.model.Findings;
import org.beacon.rules.model.Message;
import org.beacon.rules.model.RuleSetBudget;
import org.beacon.rules.model.RuleSetModel;
import org.beacon.rules.model.TestOutcome;
import org.beacon.rules.model.VersionSize;
import org.beacon.rules.model.WorkbookLimits;
import org.beacon.rules.model.WorkbookSource;
import org.beacon.rules.reading.RuleSetReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles a set of workbooks into a {@link CompiledRuleSet}: read (bounded, nothing evaluated) and refuse a version
 * over its {@link RuleSetBudget} → parse, checking every cell → analyse tables for gaps, overlaps and dead rows →
 * generate rules from the typed model → build them with Drools → run the test sheets. The {@link Compilation} tells
 * the time each of these phases took. Never throws for a bad workbook: every problem is a {@link Diagnostic}.
 * Thread-safe: holds no state between calls.
 */
public final class RuleSetCompiler {

    private static final Logger log = LoggerFactory.getLogger(RuleSetCompiler.class);

    private final RuleSetReader reader;
    private final TableAnalyzer analyzer;

    public RuleSetCompiler() {
        this(WorkbookLimits.DEFAULT, RuleSetBudget.DEFAULT);
    }

    public RuleSetCompiler(WorkbookLimits limits, RuleSetBudget budget) {
        this.reader = new RuleSetReader(limits, budget);
        this.analyzer = new TableAnalyzer(TableAnalyzer.DEFAULT_BUDGET);
    }

    /** The size of these workbooks as this compiler's budget counts it, without compiling them. */
    public VersionSize size(List<WorkbookSource> sources) {
        return reader.size(sources);
    }

    /** Compiles under an id derived from the content hash ({@code sha256:<first 12 hex digits>}). */
    public Compilation compile(List<WorkbookSource> sources) {
        return compile(derivedId(contentHash(sources)), sources);
    }

    public Compilation compile(String id, List<WorkbookSource> sources) {
        return compile(id, sources, Map.of());
    }

    /**
     * As {@link #compile(String, List)}, taking Drools' packages from {@code kept} instead of compiling the rules
     * again when they were compiled from exactly the rules these workbooks give now; the workbooks are read, checked,
     * analysed and their test sheets run as always, so the outcome is the same either way. {@link
     * Compilation#precompiled()} says whether they were taken.
     *
     * @param id the rule set's id; derived from the content when null
     * @param kept packages compiled earlier, or null to compile the rules with Drools
     */
    public Compilation compile(String id, List<WorkbookSource> sources, PrecompiledRules kept) {
        String named = id != null ? id : derivedId(contentHash(sources));
        Compilation c = compile(named, sources, Map.of(), kept, Checks.ALL);
        if (c.precompiled() && !c.succeeded()) {
            // packages that pass their checks but fail the test sheets are not trusted: the compile decides
            log.warn("rule set {} fails with the rules kept from an earlier start; compiling them again", named);
            return compile(named, sources, Map.of(), null, Checks.ALL);
        }
        return c;
    }

    /**
     * A stored version at start-up, doing only what its evaluations need when {@code kept} proves these workbooks
     * already passed every check with this build: read and parsed (the model evaluations use), Drools' packages
     * loaded, and neither the analysis nor the test sheets run again. The proof: a kept file is only ever written
     * after a compile without errors whose every test passed, it names this build, and it matches these workbooks'
     * bytes and the rules they generate now; the same bytes through the same code give the same findings and test
     * outcomes. {@link Compilation#checksSkipped()} says whether this happened; on any mismatch this is
     * {@link #compile(String, List, PrecompiledRules)}, the full compile. Not for what reports its findings or test
     * counts (a first start, an upload): the compilation holds neither.
     *
     * @param id the rule set's id; derived from the content when null
     * @param kept packages compiled earlier, or null to compile in full
     */
    public Compilation load(String id, List<WorkbookSource> sources, PrecompiledRules kept) {
        String named = id != null ? id : derivedId(contentHash(sources));
        Compilation c = compile(named, sources, Map.of(), kept, Checks.NONE_WHEN_KEPT);
        if (!c.succeeded() && kept != null) {
            // kept packages exist only for workbooks that compiled clean: a failure here is the loading's
            log.warn("rule set {} could not be loaded from its kept rules; compiling it in full", named);
            return compile(named, sources, kept);
        }
        return c;
    }

    /**
     * Compiles with some parameters set to other values than their cells hold, the workbooks untouched: what a
     * calibration tries. The test sheets pin today's values, so they run without gating: their outcomes are in
     * {@link Compilation#tests()} (a failing one is not an error) and the rule set is there whenever the tables
     * compile. A parameter no Parameters sheet declares is an {@code UNKNOWN_PARAMETER} error.
     *
     * @param id the rule set's id; empty {@code parameters} compile exactly as {@link #compile(String, List)}
     */
    public Compilation compile(String id, List<WorkbookSource> sources, Map<String, BigDecimal> parameters) {
        return compile(id, sources, parameters, null, Checks.ALL);
    }

    /**
     * Which checks a compile runs: all (a compile), all but the analysis (a calibration's sweep: gaps and overlaps
     * never change a decision), or none when {@code kept} matches ({@link #load}: the kept packages prove these
     * workbooks passed them with this build; on a mismatch, all).
     */
    private enum Checks { ALL, WITHOUT_ANALYSIS, NONE_WHEN_KEPT }

    private Compilation compile(String id, List<WorkbookSource> sources, Map<String, BigDecimal> parameters,
            PrecompiledRules kept, Checks checks) {
        Findings findings = Findings.collecting();
        PhaseClock clock = new PhaseClock();
        try {
            return compile(id, sources, findings, clock, parameters, kept, checks);
        } catch (RuntimeException e) {
            // A defect in Beacon must still reach the expert as a diagnostic, not as a stack trace.
            log.error("compiling {} failed unexpectedly", id, e);
            findings.error("", Message.of("INTERNAL_ERROR"));
            return new Compilation(null, contentHash(sources), findings.all(), List.of(), clock.phases());
        }
    }

    private Compilation compile(String id, List<WorkbookSource> sources, Findings findings, PhaseClock clock,
            Map<String, BigDecimal> parameters, PrecompiledRules kept, Checks checks) {
        String hash = contentHash(sources);
        if (sources.isEmpty()) {
            findings.error("", Message.of("NO_TABLES.noWorkbook"));
            return refused(hash, findings, clock);
        }
        RuleSetReader.WorkbooksRead files = reader.readFiles(sources, findings);
        clock.lap(Compilation.Phase.READ);
        if (files == null) {
            return refused(hash, findings, clock);
        }
        return compile(id, hash, files, findings, clock, parameters, checks, kept);
    }

    private Compilation compile(String id, String hash, RuleSetReader.WorkbooksRead files, Findings findings,
            PhaseClock clock, Map<String, BigDecimal> parameters, Checks checks, PrecompiledRules kept) {
        RuleSetModel model = reader.parse(files, findings, parameters);
        clock.lap(Compilation.Phase.PARSE);
        if (findings.hasErrors()) {
            return refused(hash, findings, clock);
        }
        if (checks == Checks.ALL) {
            analyzer.analyze(model, findings);
            clock.lap(Compilation.Phase.ANALYSE);
        }
        RuleBase.Source rules = RuleBase.generate(model);
        clock.lap(Compilation.Phase.GENERATE);
        RuleBase ruleBase = kept != null && parameters.isEmpty() && kept.compiledFrom(hash, rules)
                ? RuleBase.load(rules, kept.packages()) : null;
        if (ruleBase != null) {
            clock.lap(Compilation.Phase.DROOLS_LOAD);
            if (checks == Checks.NONE_WHEN_KEPT) {
                return new Compilation(new CompiledRuleSet(new RuleSetEvaluator(id, hash, model, ruleBase),
                        files.size()), hash, findings.all(), List.of(), clock.phases());
            }
        } else {
            if (checks == Checks.NONE_WHEN_KEPT) { // the kept packages prove nothing: every check, as a compile
                analyzer.analyze(model, findings);
                clock.lap(Compilation.Phase.ANALYSE);
            }
            ruleBase = RuleBase.build(rules, findings);
            clock.lap(Compilation.Phase.DROOLS_BUILD);
        }
        if (ruleBase == null) {
            return refused(hash, findings, clock);
        }
        RuleSetEvaluator evaluator = new RuleSetEvaluator(id, hash, model, ruleBase);
        // with parameters swept, the tests still pinning today's values say what would change, they do not refuse
        List<TestOutcome> tests = TestSheetRunner.run(evaluator, model.tests(),
                parameters.isEmpty() ? findings : Findings.collecting());
        clock.lap(Compilation.Phase.TESTS);
        return new Compilation(findings.hasErrors() ? null : new CompiledRuleSet(evaluator, files.size()), hash, findings.all(),
                tests, clock.phases());
    }

    /**
     * Workbooks read once, within the limits and counted against the budget, to be compiled many times with
     * different parameter values (a calibration). Immutable: compiled from several threads at once.
     */
    public static final class ReadWorkbooks {
        private final String hash;
        private final RuleSetReader.WorkbooksRead files;
        private final List<Diagnostic> problems;

        private ReadWorkbooks(String hash, RuleSetReader.WorkbooksRead files, List<Diagnostic> problems) {
            this.hash = hash;
            this.files = files;
            this.problems = List.copyOf(problems);
        }

        /** {@code sha256:<first 12 hex digits>} of the workbooks, as {@link #compile(List)} names them. */
        public String id() {
            return derivedId(hash);
        }
    }

    public ReadWorkbooks read(List<WorkbookSource> sources) {
        Findings findings = Findings.collecting();
        RuleSetReader.WorkbooksRead files = sources.isEmpty() ? null : reader.readFiles(sources, findings);
        if (files == null && !findings.hasErrors()) {
            findings.error("", Message.of("NO_TABLES.noWorkbook"));
        }
        return new ReadWorkbooks(contentHash(sources), files, findings.all());
    }

    /**
     * As {@link #compile(String, List, Map)}, from workbooks read once, and without looking for gaps and overlaps
     * (they never change a decision, and a sweep compiles hundreds of times).
     */
    public Compilation compile(String id, ReadWorkbooks read, Map<String, BigDecimal> parameters) {
        PhaseClock clock = new PhaseClock();
        if (read.files == null) {
            return new Compilation(null, read.hash, read.problems, List.of(), clock.phases());
        }
        Findings findings = Findings.collecting();
        try {
            return compile(id, read.hash, read.files, findings, clock, parameters, Checks.WITHOUT_ANALYSIS, null);
        } catch (RuntimeException e) {
            log.error("compiling {} failed unexpectedly", id, e);
            findings.error("", Message.of("INTERNAL_ERROR"));
            return new Compilation(null, read.hash, findings.all(), List.of(), clock.phases());
        }
    }

    private static Compilation refused(String hash, Findings findings, PhaseClock clock) {
        return new Compilation(null, hash, findings.all(), List.of(), clock.phases());
    }

    /** The id of workbooks compiled without one: {@code sha256:<first 12 hex digits of their content hash>}. */
    private static String derivedId(String contentHash) {
        return "sha256:" + contentHash.substring(0, 12);
    }

    /** SHA-256 over the workbooks' names and bytes, in name order, so the same files always give the same hash. */
    public static String contentHash(List<WorkbookSource> sources) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sources.stream().sorted(Comparator.comparing(WorkbookSource::name)).forEach(s -> {
                byte[] name = s.name().getBytes(StandardCharsets.UTF_8);
                sha.update(longBytes(name.length));
                sha.update(name);
                sha.update(longBytes(s.bytes().length));
                sha.update(s.bytes());
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) v;
            v >>>= 8;
        }
        return b;
    }
}
