package org.beacon.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.beacon.cli.CommandLineOptions.RefusedArgumentsException;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.RuleSetCompiler;
import org.beacon.rules.calibration.Calibration;
import org.beacon.rules.calibration.CombinationResult;
import org.beacon.rules.calibration.HistoryFit;
import org.beacon.rules.calibration.Objective;
import org.beacon.rules.calibration.ParameterGrid;
import org.beacon.rules.calibration.ParameterRange;
import org.beacon.rules.calibration.RefusedSweepException;
import org.beacon.rules.calibration.report.CalibrationReport;
import org.beacon.rules.model.Dictionary;
import org.beacon.rules.model.DiagnosticMessages;
import org.beacon.rules.model.WorkbookSource;
import org.beacon.rules.replay.ReplayInput;

/**
 * {@code beacon calibrate}: replays a timeline once per combination of parameter values, ranks the combinations
 * against the actual decisions, prints the best few with the cells to type them into, and writes calibration.csv
 * and calibration.xlsx. Takes replay's options; never writes a workbook. Bad arguments and bad input are refused
 * before any replay, and nothing is written.
 */
final class CalibrateCommand {

    private static final String USAGE_LINE = """
              beacon calibrate <tables> <timeline.csv> --actual actual.csv --vary NAME=FROM..TO:STEP [--vary …]
                               [--objective weighted|agreement|lag] [--max-combinations N] [--threads N]
                               [--source S] [--step day|month] [--missing-days …] [--event-type T]
                               [--revisions revisions.csv] [--out DIR] [--lang zh|en]
            """;

    /** The calibrate command's lines of the usage text: its synopsis as typed, what it does in the reader's language. */
    static String usageLine(CommandLineText text) {
        return USAGE_LINE + text.get("usage.calibrateLine") + "\n";
    }

    private static final Set<String> OWN = Set.of("--vary", "--objective", "--max-combinations", "--threads");
    private static final int PRINTED = 5;

    private final PrintStream out;
    private final PrintStream err;
    private final CommandLineText text;
    private final Function<Path, CompiledRuleSet> tables;

    /** @param tables compiles a folder of workbooks, printing its problems; null when it cannot be used */
    CalibrateCommand(PrintStream out, PrintStream err, CommandLineText text, Function<Path, CompiledRuleSet> tables) {
        this.out = out;
        this.err = err;
        this.text = text;
        this.tables = tables;
    }

    /** The sweep the command line asks for, checked before anything is read. */
    private record Sweep(ParameterGrid grid, Objective objective, int threads) {
    }

    /** @return the exit status: 0 ok, 1 input or workbook errors, 2 usage errors */
    int run(List<String> args) {
        ReplayArguments a;
        Sweep sweep;
        try {
            a = ReplayArguments.parse("calibrate", args, OWN, "calibration-out");
            sweep = sweep(a);
        } catch (RefusedArgumentsException e) {
            err.println(text.get("error.prefix", e.in(text)));
            err.print(text.get("usage.calibrate", usageLine(text)));
            return BeaconCommand.USAGE;
        } catch (RefusedSweepException e) {
            // a range, an objective or a grid the calibration refuses, said in the rules' bundle
            err.println(text.get("error.prefix", DiagnosticMessages.render(e.text(), text.locale())));
            err.print(text.get("usage.calibrate", usageLine(text)));
            return BeaconCommand.USAGE;
        }
        ReplayCommand.Read read = new ReplayCommand(out, err, text, tables).read(a, () -> {
            CompiledRuleSet compiled = tables.apply(a.tables());
            return compiled == null ? null : List.of(compiled);
        });
        if (read.input() == null) {
            return read.status();
        }
        CompiledRuleSet today = read.ruleSets().get(0);
        Set<String> declared = today.model().parameters().keySet();
        for (String name : sweep.grid().names()) {
            if (!declared.contains(name)) {
                err.println(text.get("error.prefix", text.get("calibrate.unknownParameter", name,
                        DiagnosticMessages.render(Dictionary.suggestion(Dictionary.closest(name, declared)),
                                text.locale()))));
                return BeaconCommand.USAGE;
            }
        }
        return calibrate(a, sweep, read.input(), today);
    }

    private static Sweep sweep(ReplayArguments a) {
        if (a.compare() != null) {
            throw new RefusedArgumentsException("calibrate.arguments.compare");
        }
        if (a.actual() == null) {
            throw new RefusedArgumentsException("calibrate.arguments.actual");
        }
        Map<String, List<String>> own = a.own();
        List<ParameterRange> ranges = new ArrayList<>();
        for (String spec : own.getOrDefault("--vary", List.of())) {
            ranges.add(ParameterRange.parse(spec));
        }
        int max = number(own, "--max-combinations", ParameterGrid.DEFAULT_MAX_COMBINATIONS);
        int threads = number(own, "--threads", Runtime.getRuntime().availableProcessors());
        List<String> objective = own.getOrDefault("--objective", List.of("weighted"));
        if (objective.size() > 1) {
            throw new RefusedArgumentsException("arguments.twice", "--objective");
        }
        return new Sweep(new ParameterGrid(ranges, max), Objective.parse(objective.get(0)), threads);
    }

    private static int number(Map<String, List<String>> own, String option, int otherwise) {
        List<String> given = own.getOrDefault(option, List.of());
        if (given.size() > 1) {
            throw new RefusedArgumentsException("arguments.twice", option);
        }
        if (given.isEmpty()) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(given.get(0));
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new RefusedArgumentsException("calibrate.arguments.number", option, given.get(0));
    }

    private int calibrate(ReplayArguments a, Sweep sweep, ReplayInput input, CompiledRuleSet today) {
        List<WorkbookSource> sources = WorkbookSource.readAll(a.tables());
        Calibration calibration = new Calibration(new RuleSetCompiler(), sources, input.timeline(), input.actual(),
                sweep.objective(), sweep.threads());
        Calibration.Trial trial = calibration.trial(today);
        ParameterGrid grid = sweep.grid();
        out.println(text.get("calibrate.today", measures(trial.baseline())));
        out.println(text.get("calibrate.estimate", grid.size(), String.join(", ", grid.names()),
                seconds(trial.took()), seconds(calibration.estimate(trial, grid)),
                Math.min(sweep.threads(), grid.size())));
        Calibration.Outcome outcome;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName(text.get("calibrate.progress"))
                .setInitialMax(grid.size()).setUnit(text.get("calibrate.progressUnit"), 1).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(err)).setUpdateIntervalMillis(200).build()) {
            outcome = calibration.run(trial, grid, done -> {
                synchronized (bar) {
                    bar.stepTo(Math.max(bar.getCurrent(), done));
                }
            });
        }
        Path dir = a.out();
        CalibrationReport report = new CalibrationReport(outcome);
        Map<String, String> inputs = ReplayCommand.inputs(a);
        inputs.put("规则集 tables", a.tables() + " (" + today.id() + ")");
        try {
            Files.createDirectories(dir);
            try (Writer w = Files.newBufferedWriter(dir.resolve("calibration.csv"), StandardCharsets.UTF_8)) {
                report.writeCsv(w);
            }
            try (OutputStream xlsx = Files.newOutputStream(dir.resolve("calibration.xlsx"))) {
                report.writeXlsx(inputs, xlsx);
            }
        } catch (IOException | UncheckedIOException e) {
            err.println(text.get("error.prefix", text.get("error.cannotWriteTo", dir, e.getMessage())));
            return BeaconCommand.USAGE;
        }
        print(outcome);
        out.println(text.get("calibrate.wrote", dir.resolve("calibration.csv"), dir.resolve("calibration.xlsx")));
        return BeaconCommand.OK;
    }

    private void print(Calibration.Outcome o) {
        out.println(text.get("calibrate.best", Math.min(PRINTED, o.ranked().size()), o.ranked().size(),
                o.objective().code(), text.get("calibrate.objective." + o.objective().code()), seconds(o.took())));
        List<String> names = o.grid().names();
        StringBuilder header = new StringBuilder(String.format("  %-5s", text.get("calibrate.header.rank")));
        names.forEach(n -> header.append(String.format(" %" + Math.max(8, n.length()) + "s", n)));
        header.append(String.format(" %8s %9s %8s %7s %5s %5s %7s %8s %6s", text.get("calibrate.header.score"),
                text.get("calibrate.header.agreement"), text.get("calibrate.header.meanLag"),
                text.get("calibrate.header.maxLag"), text.get("calibrate.header.never"),
                text.get("calibrate.header.late"), text.get("calibrate.header.changes"),
                text.get("calibrate.header.warnings"), text.get("calibrate.header.tests")));
        out.println(header);
        for (int i = 0; i < Math.min(PRINTED, o.ranked().size()); i++) {
            out.println(line(String.valueOf(i + 1), o.ranked().get(i), names, o.today()));
        }
        out.println(line(text.get("calibrate.todayRow"), o.baseline(), names, o.today()));
        CombinationResult best = o.ranked().get(0);
        if (best.fit() == null) {
            out.println(text.get("calibrate.noneCompiled", best.problem()));
            return;
        }
        out.println(text.get("calibrate.toUse"));
        for (String n : names) {
            BigDecimal was = o.today().get(n);
            BigDecimal now = best.parameters().get(n);
            out.println(text.get("calibrate.cell", o.cells().getOrDefault(n, n), now.toPlainString(), n,
                    was == null ? "?" : was.stripTrailingZeros().toPlainString()));
        }
        if (!best.failedTests().isEmpty()) {
            out.println(text.get("calibrate.pinnedTests", String.join(", ", best.failedTests())));
        }
    }

    /** One combination's row; a parameter it does not set shows today's value. */
    private String line(String rank, CombinationResult r, List<String> names, Map<String, BigDecimal> today) {
        StringBuilder b = new StringBuilder(String.format("  %-5s", rank));
        for (String n : names) {
            BigDecimal v = r.parameters().getOrDefault(n, today.get(n));
            b.append(String.format(" %" + Math.max(8, n.length()) + "s", v == null ? "?"
                    : v.stripTrailingZeros().toPlainString()));
        }
        HistoryFit f = r.fit();
        if (f == null) {
            return b.append(text.get("calibrate.doesNotCompile", r.problem())).toString();
        }
        return b.append(String.format(" %8.2f %8.1f%% %9.1f %7d %5d %5d %7d %8.2f %6d", r.score(), f.agreement() * 100,
                f.meanAbsoluteLag(), f.maxAbsoluteLag(), f.neverRecommended(), f.lateEscalations(), f.levelChanges(),
                f.warningsPerRegionYear(), r.failedTests().size())).toString();
    }

    private String measures(CombinationResult r) {
        HistoryFit f = r.fit();
        return f == null ? String.valueOf(r.problem()) : text.get("calibrate.measures",
                String.format(Locale.ROOT, "%.2f", r.score()), String.format(Locale.ROOT, "%.1f", f.agreement() * 100),
                String.format(Locale.ROOT, "%.1f", f.meanAbsoluteLag()), f.neverRecommended(), f.lateEscalations());
    }

    private String seconds(Duration d) {
        long s = d.toSeconds();
        return s < 60 ? text.get("calibrate.seconds", String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0))
                : text.get("calibrate.minutes", s / 60, s % 60);
    }
}
