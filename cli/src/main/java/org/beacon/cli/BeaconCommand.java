package org.beacon.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.beacon.rules.CheckedSituation;
import org.beacon.rules.Compilation;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.RuleSetCompiler;
import org.beacon.rules.decision.Decision;
import org.beacon.rules.decision.Margins;
import org.beacon.rules.diff.Change;
import org.beacon.rules.diff.RuleSetDiff;
import org.beacon.rules.model.Diagnostic;
import org.beacon.rules.model.Severity;
import org.beacon.rules.model.Situation;
import org.beacon.rules.model.TestOutcome;
import org.beacon.rules.model.WorkbookSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code beacon check <workbook-or-folder>}, {@code beacon evaluate <workbook-or-folder> <situation.json>},
 * {@code beacon diff}, {@code beacon replay}, {@code beacon calibrate} and {@code beacon impact}. Exit status:
 * 0 success, 1 the workbooks have errors (or a test failed) or the replay input has errors, 2 bad usage or a bad
 * situation file. {@code --lang zh|en} (or {@code --lang=zh}) chooses the language of what it prints for people;
 * JSON is the same in both.
 */
public final class BeaconCommand {

    static final int OK = 0;
    static final int WORKBOOK_ERRORS = 1;
    static final int USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;
    private final CommandLineText text;

    /** A command speaking the system's language ({@link Locale#getDefault()}) unless {@code --lang} says otherwise. */
    BeaconCommand(PrintStream out, PrintStream err) {
        this(out, err, Locale.getDefault());
    }

    /** A command speaking the language of {@code systemLocale} unless {@code --lang} says otherwise. */
    BeaconCommand(PrintStream out, PrintStream err, Locale systemLocale) {
        this(out, err, CommandLineText.of(systemLocale));
    }

    private BeaconCommand(PrintStream out, PrintStream err, CommandLineText text) {
        this.out = out;
        this.err = err;
        this.text = text;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(new BeaconCommand(out, err).run(args));
    }

    int run(String... args) {
        List<String> rest = new ArrayList<>();
        String lang = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang")) {
                if (i + 1 == args.length || args[i + 1].startsWith("--")) {
                    return usage(text.get("error.langValue"));
                }
                lang = args[++i];
            } else if (args[i].startsWith("--lang=")) {
                lang = args[i].substring("--lang=".length());
            } else {
                rest.add(args[i]);
            }
        }
        if (lang == null) {
            return dispatch(rest.toArray(String[]::new));
        }
        CommandLineText chosen;
        try {
            chosen = CommandLineText.of(lang);
        } catch (IllegalArgumentException e) {
            return usage(text.get("error.lang", lang));
        }
        return new BeaconCommand(out, err, chosen).dispatch(rest.toArray(String[]::new));
    }

    private int dispatch(String... args) {
        if (args.length > 0 && args[0].equals("replay") && !List.of(args).contains("--help")) {
            // replay's options take values (--source canghailan), so it reads its own arguments
            return new ReplayCommand(out, err, text, this::compileForReplay).run(List.of(args).subList(1, args.length));
        }
        if (args.length > 0 && args[0].equals("calibrate") && !List.of(args).contains("--help")) {
            // calibrate takes replay's options and its own, with values
            return new CalibrateCommand(out, err, text, this::compileForReplay).run(List.of(args).subList(1, args.length));
        }
        if (args.length > 0 && args[0].equals("impact") && !List.of(args).contains("--help")) {
            return new ImpactCommand(out, err, text, f -> compileToUse(f, "error.impactErrors"))
                    .run(List.of(args).subList(1, args.length));
        }
        if (args.length > 0 && args[0].equals("evaluate") && !List.of(args).contains("--help")
                && TrialSituation.isTrial(List.of(args))) {
            return evaluateTrial(List.of(args).subList(1, args.length));
        }
        List<String> words = List.of(args).stream().filter(a -> !a.startsWith("--")).toList();
        List<String> flags = List.of(args).stream().filter(a -> a.startsWith("--")).toList();
        if (words.isEmpty() || flags.contains("--help")) {
            (words.isEmpty() && !flags.contains("--help") ? err : out).println(usageText());
            return words.isEmpty() && !flags.contains("--help") ? USAGE : OK;
        }
        return switch (words.get(0)) {
            case "check" -> words.size() == 2 ? check(Path.of(words.get(1)), flags.contains("--verbose"))
                    : usage(text.get("error.checkArguments"));
            case "evaluate" -> words.size() == 3
                    ? evaluate(Path.of(words.get(1)), Path.of(words.get(2)), flags.contains("--json"),
                            flags.contains("--margins"))
                    : usage(text.get("error.evaluateArguments"));
            case "schema" -> words.size() == 2 ? schema(Path.of(words.get(1)))
                    : usage(text.get("error.schemaArguments"));
            case "new" -> words.size() == 2 ? new StarterCommand(out, err, text).write(Path.of(words.get(1)))
                    : usage(text.get("error.newArguments"));
            case "diff" -> words.size() == 3 ? diff(Path.of(words.get(1)), Path.of(words.get(2)),
                    flags.contains("--json"))
                    : usage(text.get("error.diffArguments"));
            default -> usage(text.get("error.unknownCommand", words.get(0)));
        };
    }

    private String usageText() {
        return text.get("usage", ReplayCommand.usageLine(text), CalibrateCommand.usageLine(text),
                ImpactCommand.usageLine(text));
    }

    private int usage(String problem) {
        err.println(text.get("error.prefix", problem));
        err.println(usageText());
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
            out.println(text.get("check.tests", passed, failed));
        }
        c.ruleSet().ifPresent(rules -> {
            long rows = rules.tables().stream().mapToLong(t -> t.rules().size()).sum();
            long untested = c.diagnostics().stream().filter(d -> d.code().equals("ROW_NOT_TESTED")).count();
            long ends = c.diagnostics().stream().filter(d -> d.code().equals("BOUNDARY_NOT_TESTED")).count();
            out.println(text.get("check.coverage", rows - untested, rows, ends));
        });
        out.println(c.errors().isEmpty()
                ? text.get("check.ok", c.warnings().size(), c.contentHash().substring(0, 12))
                : text.get("check.failed", c.errors().size(), c.warnings().size()));
        return c.succeeded() ? OK : WORKBOOK_ERRORS;
    }

    /** {@code beacon evaluate <tables> --event cholera --set cases=12 …}: the situation typed, not in a file. */
    private int evaluateTrial(List<String> args) {
        CommandLineOptions options;
        Situation situation;
        try {
            options = CommandLineOptions.read("evaluate", args, TrialSituation.ONCE, java.util.Set.of("--set"),
                    java.util.Set.of("--json", "--margins"));
            if (options.words().size() != 1) {
                return usage(text.get("error.evaluateTrialArguments"));
            }
            situation = SituationJson.read(TrialSituation.json(options));
        } catch (CommandLineOptions.RefusedArgumentsException e) {
            return usage(e.in(text));
        } catch (SituationJson.InvalidSituationFileException e) {
            err.println(text.get("error.prefix", text.get("error.situationOptions", e.in(text))));
            return USAGE;
        }
        return decide(Path.of(options.words().get(0)), situation, text.get("evaluate.options"),
                options.switches().contains("--json"), options.switches().contains("--margins"));
    }

    private int evaluate(Path workbooks, Path situationFile, boolean json, boolean withMargins) {
        Situation situation;
        try {
            situation = SituationJson.read(Files.readString(situationFile));
        } catch (java.io.IOException e) {
            err.println(text.get("error.prefix", text.get("error.cannotRead", situationFile)));
            return USAGE;
        } catch (JacksonException e) {
            err.println(text.get("error.prefix", text.get("error.notJson", situationFile, e.getOriginalMessage())));
            return USAGE;
        } catch (SituationJson.InvalidSituationFileException e) {
            err.println(text.get("error.prefix", text.get("error.situationFile", situationFile, e.in(text))));
            return USAGE;
        }
        return decide(workbooks, situation, situationFile, json, withMargins);
    }

    /** Decides {@code situation}, read from {@code from} (a file, or the options), and prints the answer. */
    private int decide(Path workbooks, Situation situation, Object from, boolean json, boolean withMargins) {
        Compilation c = compile(workbooks);
        if (c == null) {
            return USAGE;
        }
        if (!c.succeeded()) {
            printDiagnostics(c, false);
            err.println(text.get("error.prefix", text.get("error.workbookErrors", workbooks)));
            return WORKBOOK_ERRORS;
        }
        CompiledRuleSet rules = c.ruleSet().orElseThrow();
        CheckedSituation checked = rules.check(situation);
        if (!checked.isValid()) {
            checked.problems().forEach(p -> err.println(text.situationProblem(from, p)));
            return USAGE;
        }
        Decision decision = rules.evaluate(checked, true);
        Margins margins = withMargins ? rules.margins(checked, decision) : null;
        if (json) {
            JsonMapper mapper = JsonMapper.builder().build();
            Object shown = decision;
            if (margins != null) {
                // the decision's own fields, unchanged, and the margins beside them
                ObjectNode node = mapper.valueToTree(decision);
                node.set("margins", mapper.valueToTree(margins));
                shown = node;
            }
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(shown));
        } else {
            new DecisionPrinter(out, text).print(situation, decision);
            if (margins != null) {
                new MarginsPrinter(out, text).print(margins);
            }
        }
        return OK;
    }

    /** {@code beacon schema <tables>}: the JSON Schema of the situations the tables decide. */
    private int schema(Path workbooks) {
        CompiledRuleSet rules = compileToUse(workbooks, "error.schemaErrors");
        if (rules == null) {
            return Files.exists(workbooks) ? WORKBOOK_ERRORS : USAGE;
        }
        out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                .writeValueAsString(rules.situationSchema()));
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
                err.println(text.get("error.prefix", text.get("error.diffErrors")));
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
        out.println(changes.isEmpty() ? text.get("diff.none") : text.get("diff.count", changes.size()));
        return OK;
    }

    private Compilation compile(Path path) {
        if (!Files.exists(path)) {
            err.println(text.get("error.prefix", text.get("error.missing", path)));
            return null;
        }
        List<WorkbookSource> sources = WorkbookSource.readAll(path);
        if (sources.isEmpty()) {
            err.println(text.get("error.prefix", text.get("error.noWorkbooks", path)));
            return null;
        }
        return new RuleSetCompiler().compile(sources);
    }

    private CompiledRuleSet compileForReplay(Path folder) {
        return compileToUse(folder, "error.replayErrors");
    }

    /** The compiled tables, or null once their problems are printed, ending with the bundle's line {@code errorKey}. */
    private CompiledRuleSet compileToUse(Path folder, String errorKey) {
        Compilation c = compile(folder);
        if (c == null) {
            return null;
        }
        if (!c.succeeded()) {
            printDiagnostics(c, false);
            err.println(text.get("error.prefix", text.get(errorKey, folder)));
            return null;
        }
        return c.ruleSet().orElseThrow();
    }

    private void printDiagnostics(Compilation c, boolean verbose) {
        for (Diagnostic d : c.diagnostics()) {
            if (verbose || d.severity() != Severity.INFO) {
                out.println(text.diagnostic(d));
            }
        }
    }
}
