package org.beacon.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.beacon.rules.Compilation;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.InvalidSituationException;
import org.beacon.rules.RuleSetCompiler;
import org.beacon.rules.decision.Decision;
import org.beacon.rules.diff.Change;
import org.beacon.rules.diff.RuleSetDiff;
import org.beacon.rules.model.Diagnostic;
import org.beacon.rules.model.Severity;
import org.beacon.rules.model.Situation;
import org.beacon.rules.model.TestOutcome;
import org.beacon.rules.model.WorkbookSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code beacon check <workbook-or-folder>}, {@code beacon evaluate <workbook-or-folder> <situation.json>},
 * {@code beacon diff}, {@code beacon replay} and {@code beacon impact}. Exit status: 0 success, 1 the workbooks have
 * errors (or a test failed) or the replay input has errors, 2 bad usage or a bad situation file.
 */
public final class BeaconCommand {

    static final int OK = 0;
    static final int WORKBOOK_ERRORS = 1;
    static final int USAGE = 2;

    private static final String USAGE_TEXT = """
            usage:
              beacon check <workbook.xlsx | folder> [--verbose]
                  print every diagnostic with its cell and run the test sheets
              beacon evaluate <workbook.xlsx | folder> <situation.json> [--json]
                  decide one situation and explain which rows fired, with which values
              beacon diff <old workbook.xlsx | folder> <new workbook.xlsx | folder> [--json]
                  what changed, table by table: thresholds moved, answers changed, rows added or removed
            """ + ReplayCommand.USAGE_LINE + ImpactCommand.USAGE_LINE + """
            exit status: 0 ok, 1 workbook errors, failing tests or bad replay input, 2 usage or situation-file errors""";

    private final PrintStream out;
    private final PrintStream err;

    BeaconCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(new BeaconCommand(out, err).run(args));
    }

    int run(String... args) {
        if (args.length > 0 && args[0].equals("replay") && !List.of(args).contains("--help")) {
            // replay's options take values (--source canghailan), so it reads its own arguments
            return new ReplayCommand(out, err, this::compileForReplay).run(List.of(args).subList(1, args.length));
        }
        if (args.length > 0 && args[0].equals("impact") && !List.of(args).contains("--help")) {
            return new ImpactCommand(out, err, f -> compileToUse(f, "comparing"))
                    .run(List.of(args).subList(1, args.length));
        }
        List<String> words = List.of(args).stream().filter(a -> !a.startsWith("--")).toList();
        List<String> flags = List.of(args).stream().filter(a -> a.startsWith("--")).toList();
        if (words.isEmpty() || flags.contains("--help")) {
            (words.isEmpty() && !flags.contains("--help") ? err : out).println(USAGE_TEXT);
            return words.isEmpty() && !flags.contains("--help") ? USAGE : OK;
        }
        return switch (words.get(0)) {
            case "check" -> words.size() == 2 ? check(Path.of(words.get(1)), flags.contains("--verbose"))
                    : usage("check takes one workbook or folder");
            case "evaluate" -> words.size() == 3
                    ? evaluate(Path.of(words.get(1)), Path.of(words.get(2)), flags.contains("--json"))
                    : usage("evaluate takes a workbook or folder and a situation file");
            case "diff" -> words.size() == 3 ? diff(Path.of(words.get(1)), Path.of(words.get(2)),
                    flags.contains("--json"))
                    : usage("diff takes the old and the new workbook or folder");
            default -> usage("unknown command '" + words.get(0) + "'");
        };
    }

    private int usage(String problem) {
        err.println("beacon: " + problem);
        err.println(USAGE_TEXT);
        return USAGE;
    }

    private int check(Path path, boolean verbose) {
        Compilation c = compile(path);
        if (c == null) {
            return USAGE;
        }
        printDiagnostics(c, verbose);
        long passed = c.tests().stream().filter(TestOutcome::passed).count();
        long failed = c.tests().size() - passed;
        if (!c.tests().isEmpty()) {
            out.println("tests: " + passed + " passed, " + failed + " failed");
        }
        out.println(c.errors().isEmpty()
                ? "OK: " + c.warnings().size() + " warning(s), no errors; rule set " + c.contentHash().substring(0, 12)
                : "FAILED: " + c.errors().size() + " error(s), " + c.warnings().size() + " warning(s)");
        return c.succeeded() ? OK : WORKBOOK_ERRORS;
    }

    private int evaluate(Path workbooks, Path situationFile, boolean json) {
        Situation situation;
        try {
            situation = SituationJson.read(Files.readString(situationFile));
        } catch (java.io.IOException e) {
            err.println("beacon: cannot read " + situationFile);
            return USAGE;
        } catch (JacksonException e) {
            err.println("beacon: " + situationFile + " is not valid JSON: " + e.getOriginalMessage());
            return USAGE;
        } catch (SituationJson.InvalidSituationFileException e) {
            err.println("beacon: " + situationFile + ": " + e.getMessage());
            return USAGE;
        }
        Compilation c = compile(workbooks);
        if (c == null) {
            return USAGE;
        }
        if (!c.succeeded()) {
            printDiagnostics(c, false);
            err.println("beacon: the workbooks have errors; fix them before evaluating (beacon check " + workbooks
                    + ")");
            return WORKBOOK_ERRORS;
        }
        Decision decision;
        try {
            decision = c.ruleSet().orElseThrow().evaluate(situation);
        } catch (InvalidSituationException e) {
            e.problems().forEach(p -> err.println(situationFile + " " + p.pointer() + ": " + p.message()));
            return USAGE;
        }
        if (json) {
            out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(decision));
        } else {
            new DecisionPrinter(out).print(situation, decision);
        }
        return OK;
    }

    private int diff(Path before, Path after, boolean json) {
        Compilation old = compile(before);
        Compilation now = old == null ? null : compile(after);
        if (old == null || now == null) {
            return USAGE;
        }
        for (Compilation c : List.of(old, now)) {
            if (!c.succeeded()) {
                printDiagnostics(c, false);
                err.println("beacon: the workbooks have errors; fix them before comparing");
                return WORKBOOK_ERRORS;
            }
        }
        List<Change> changes = RuleSetDiff.between(old.ruleSet().orElseThrow().model(),
                now.ruleSet().orElseThrow().model());
        if (json) {
            out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(changes));
            return OK;
        }
        changes.forEach(out::println);
        out.println(changes.isEmpty() ? "no differences" : changes.size() + " change(s)");
        return OK;
    }

    private Compilation compile(Path path) {
        if (!Files.exists(path)) {
            err.println("beacon: " + path + " does not exist");
            return null;
        }
        List<WorkbookSource> sources = WorkbookSource.readAll(path);
        if (sources.isEmpty()) {
            err.println("beacon: " + path + " holds no .xlsx workbook");
            return null;
        }
        return new RuleSetCompiler().compile(sources);
    }

    private CompiledRuleSet compileForReplay(Path folder) {
        return compileToUse(folder, "replaying");
    }

    /** The compiled tables, or null once their problems are printed; {@code doing} completes "fix them before …". */
    private CompiledRuleSet compileToUse(Path folder, String doing) {
        Compilation c = compile(folder);
        if (c == null) {
            return null;
        }
        if (!c.succeeded()) {
            printDiagnostics(c, false);
            err.println("beacon: the workbooks in " + folder + " have errors; fix them before " + doing
                    + " (beacon check " + folder + ")");
            return null;
        }
        return c.ruleSet().orElseThrow();
    }

    private void printDiagnostics(Compilation c, boolean verbose) {
        for (Diagnostic d : c.diagnostics()) {
            if (verbose || d.severity() != Severity.INFO) {
                out.println(d);
            }
        }
    }
}
