package org.beacon.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.model.Grade;
import org.beacon.rules.replay.DataIssue;
import org.beacon.rules.replay.DerivedIndicators;
import org.beacon.rules.replay.ReplayInput;
import org.beacon.rules.replay.ReplayInputException;
import org.beacon.rules.replay.ReplayResult.ActualCheck;
import org.beacon.rules.replay.ReplayResult.Summary;
import org.beacon.rules.replay.ReplayResult.Transition;
import org.beacon.rules.replay.Replayer;
import org.beacon.rules.replay.Timeline;
import org.beacon.rules.replay.report.ReplayCsvWriter;
import org.beacon.rules.replay.report.ReplayReport;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code beacon replay}: replays a timeline through the tables (and, with {@code --compare}, through other tables),
 * writes steps.csv, summary.json and report.xlsx, and prints what a reviewer checks first. Input errors are all
 * printed and nothing is written.
 */
final class ReplayCommand {

    private static final String USAGE_LINE = """
              beacon replay <tables> <timeline.csv> [--source S] [--step day|month]
                            [--missing-days zero-fill|carry-forward] [--event-type T] [--actual actual.csv]
                            [--compare <other tables>] [--revisions revisions.csv] [--out DIR] [--lang zh|en]
            """;

    /** The replay command's lines of the usage text: its synopsis as typed, what it does in the reader's language. */
    static String usageLine(CommandLineText text) {
        return USAGE_LINE + text.get("usage.replayLine") + "\n";
    }

    private static final int CHARTED_REGIONS = 10;
    private static final int MAX_PRINTED_WARNINGS = 10;
    private static final int MAX_PRINTED_TRANSITIONS = 30;

    private final PrintStream out;
    private final PrintStream err;
    private final CommandLineText text;
    private final Function<Path, CompiledRuleSet> tables;

    /** @param tables compiles a folder of workbooks, printing its problems; null when it cannot be used */
    ReplayCommand(PrintStream out, PrintStream err, CommandLineText text, Function<Path, CompiledRuleSet> tables) {
        this.out = out;
        this.err = err;
        this.text = text;
        this.tables = tables;
    }

    /** @return the exit status: 0 ok, 1 input or workbook errors, 2 usage errors */
    int run(List<String> args) {
        ReplayArguments a;
        try {
            a = ReplayArguments.parse(args);
        } catch (CommandLineOptions.RefusedArgumentsException e) {
            err.println(text.get("error.prefix", e.in(text)));
            err.print(text.get("usage.replay", usageLine(text)));
            return BeaconCommand.USAGE;
        }
        List<Path> folders = a.compare() == null ? List.of(a.tables()) : List.of(a.tables(), a.compare());
        Read read = read(a, () -> {
            List<CompiledRuleSet> compiled = new ArrayList<>();
            for (Path folder : folders) {
                CompiledRuleSet rs = tables.apply(folder);
                if (rs == null) {
                    return null;
                }
                compiled.add(rs);
            }
            return compiled;
        });
        if (read.input() == null) {
            return read.status();
        }
        ReplayInput input = read.input();
        List<Replayer.Arm> arms = new ArrayList<>();
        Map<String, String> inputs = inputs(a);
        for (int i = 0; i < folders.size(); i++) {
            CompiledRuleSet rs = read.ruleSets().get(i);
            String label = label(i, folders);
            arms.add(Replayer.Arm.pinned(label, rs));
            inputs.put("规则集 " + label, folders.get(i) + " (" + rs.id() + ")");
        }
        return replay(a, input, arms, inputs);
    }

    /**
     * The rule sets, and the timeline and the actual decisions read; or, what was wrong printed, the exit status and
     * no input.
     */
    record Read(ReplayInput input, int status, List<CompiledRuleSet> ruleSets) {
    }

    /**
     * Checks that the files exist, compiles the rule sets, and reads the files with the region levels every rule set
     * declares, before anything is written.
     *
     * @param ruleSets compiles the rule sets the replay decides with, printing their problems; null when one fails
     */
    Read read(ReplayArguments a, Supplier<List<CompiledRuleSet>> ruleSets) {
        for (Path p : a.existing()) {
            if (!Files.exists(p)) {
                err.println(text.get("error.prefix", text.get("error.missing", p)));
                return new Read(null, BeaconCommand.USAGE, null);
            }
        }
        List<CompiledRuleSet> compiled = ruleSets.get();
        if (compiled == null) {
            return new Read(null, BeaconCommand.WORKBOOK_ERRORS, null);
        }
        try (Reader timeline = open(a.timeline()); Reader actual = a.actual() == null ? null : open(a.actual());
                Reader revisions = a.revisions() == null ? null : open(a.revisions())) {
            return new Read(ReplayInput.read(timeline, name(a.timeline()), a.options().withLevelsOf(compiled), actual,
                    a.actual() == null ? null : name(a.actual()), revisions,
                    a.revisions() == null ? null : name(a.revisions())), BeaconCommand.OK, compiled);
        } catch (ReplayInputException e) {
            e.issues().forEach(i -> err.println(text.dataIssue(i)));
            hints(e.issues());
            err.println(text.get("error.prefix", text.get("error.nothingReplayed")));
            return new Read(null, BeaconCommand.WORKBOOK_ERRORS, null);
        } catch (UncheckedIOException | IOException e) {
            err.println(text.get("error.prefix", text.get("error.cannotRead", e.getMessage())));
            return new Read(null, BeaconCommand.USAGE, null);
        }
    }

    private int replay(ReplayArguments a, ReplayInput input, List<Replayer.Arm> arms, Map<String, String> inputs) {
        Path dir = a.out();
        Path steps = dir.resolve("steps.csv");
        Path part = dir.resolve("steps.csv.part");
        Summary summary;
        ReplayReport report = new ReplayReport(CHARTED_REGIONS);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            err.println(text.get("error.prefix", text.get("error.outputFolder", dir, e.getMessage())));
            return BeaconCommand.USAGE;
        }
        Timeline timeline = input.timeline();
        Replayer replayer = new Replayer(arms, input.actual(), Runtime.getRuntime().availableProcessors());
        try (Writer w = Files.newBufferedWriter(part, StandardCharsets.UTF_8);
                ProgressBar bar = progressBar(timeline.steps())) {
            summary = replayer.run(timeline, new ReplayCsvWriter(w, replayer.labels(),
                    DerivedIndicators.columns(timeline)), report, Replayer.Listener.onProgress(bar::stepTo));
        } catch (IOException | UncheckedIOException e) {
            err.println(text.get("error.prefix", text.get("error.cannotWrite", part, e.getMessage())));
            deleteQuietly(part);
            return BeaconCommand.USAGE;
        } catch (RuntimeException e) {
            deleteQuietly(part);
            throw e;
        }
        try {
            Files.move(part, steps, StandardCopyOption.REPLACE_EXISTING);
            try (OutputStream json = Files.newOutputStream(dir.resolve("summary.json"))) {
                JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValue(json, summary);
            }
            try (OutputStream xlsx = Files.newOutputStream(dir.resolve("report.xlsx"))) {
                report.write(summary, inputs, xlsx);
            }
        } catch (IOException e) {
            err.println(text.get("error.prefix", text.get("error.cannotWriteTo", dir, e.getMessage())));
            return BeaconCommand.USAGE;
        }
        print(summary, arms);
        out.println(text.get("replay.wrote", steps, dir.resolve("summary.json"), dir.resolve("report.xlsx")));
        return BeaconCommand.OK;
    }

    private ProgressBar progressBar(long total) {
        return new ProgressBarBuilder().setTaskName("replay").setInitialMax(total).setUnit(" steps", 1)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(err))
                .setUpdateIntervalMillis(200).build();
    }

    private void print(Summary s, List<Replayer.Arm> arms) {
        out.println(text.get("replay.summary", s.regions(), s.steps(), text.get(s.step() == Timeline.Step.DAY
                ? "replay.regionDays" : "replay.regionMonths"), s.first(), s.last(), s.millis()));
        for (Replayer.Arm arm : arms) {
            List<Transition> ts = s.transitions().stream().filter(t -> t.arm().equals(arm.label())).toList();
            out.println(text.get("replay.transitions", arm.label(), ts.size()));
            for (Transition t : ts.subList(0, Math.min(ts.size(), MAX_PRINTED_TRANSITIONS))) {
                out.println("  " + t.region() + " " + t.regionName() + " " + t.date() + " " + t.kind() + " "
                        + numeral(t.from()) + " → " + numeral(t.to()) + "  " + String.join(", ", t.rows())
                        + (t.reasons().isEmpty() ? "" : " (" + String.join("; ", t.reasons()) + ")"));
            }
            if (ts.size() > MAX_PRINTED_TRANSITIONS) {
                out.println(text.get("replay.more", ts.size() - MAX_PRINTED_TRANSITIONS));
            }
        }
        if (arms.size() == 2) {
            out.println(text.get("replay.divergences", s.divergences().size(), arms.get(0).label(),
                    arms.get(1).label()));
        }
        if (s.actual() != null) {
            out.println(text.get("replay.actual", arms.get(0).label()));
            Map<String, String> names = new LinkedHashMap<>();
            s.transitions().forEach(t -> names.put(t.region(), t.regionName()));
            for (ActualCheck c : s.actual().transitions()) {
                out.println("  " + c.region() + (names.containsKey(c.region()) ? " " + names.get(c.region()) : "")
                        + " " + c.date() + " "
                        + numeral(c.from()) + " → " + numeral(c.to()) + ": " + (c.recommended() == null ? ""
                        : text.get("replay.recommended", c.recommended(), c.lagDays())) + c.note());
            }
            out.println(text.get("replay.agreement", String.format("%.1f", s.actual().agreement() * 100),
                    s.actual().daysCompared()));
        }
        List<DataIssue> warnings = s.issues();
        warnings.stream().limit(MAX_PRINTED_WARNINGS).map(text::dataIssue).forEach(out::println);
        if (warnings.size() > MAX_PRINTED_WARNINGS) {
            out.println(text.get("replay.moreWarnings", warnings.size() - MAX_PRINTED_WARNINGS));
        }
    }

    private void hints(List<DataIssue> errors) {
        Set<String> codes = new LinkedHashSet<>();
        errors.forEach(e -> codes.add(e.code()));
        if (codes.contains("SEVERAL_SOURCES") || codes.contains("UNKNOWN_SOURCE")) {
            err.println(text.get("error.prefix", text.get("hint.source")));
        }
        if (codes.contains("MISSING_DAYS")) {
            err.println(text.get("error.prefix", text.get("hint.missingDays")));
        }
    }

    static Map<String, String> inputs(ReplayArguments a) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("时间线 timeline", a.timeline().toString());
        m.put("数据源 source", a.options().source() == null ? "(one source)" : a.options().source());
        m.put("缺失日 missing days", a.options().missingDays() == null ? "(none allowed)"
                : a.options().missingDays().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        m.put("实际决定 actual decisions", a.actual() == null ? "(none)" : a.actual().toString());
        m.put("已知修订 known revisions", a.revisions() == null ? "(none)" : a.revisions().toString());
        return m;
    }

    /** The folder's name ({@code tables}); the path as given when both arms' folders have the same name. */
    private static String label(int index, List<Path> folders) {
        Path folder = folders.get(index);
        List<String> names = folders.stream().map(f -> {
            Path n = f.toAbsolutePath().normalize().getFileName();
            return n == null ? f.toString() : n.toString();
        }).toList();
        String label = names.stream().distinct().count() == names.size() ? names.get(index) : folder.toString();
        return index == 1 && label.equals(folders.get(0).toString()) ? label + " (2)" : label;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // the .part name already says it is incomplete
        }
    }

    private static String name(Path p) {
        return p.getFileName().toString();
    }

    static String numeral(Grade g) {
        return g == null ? "—" : g.numeral();
    }

    /** An input file as UTF-8 text; a file that cannot be opened is named in the error. */
    private static Reader open(Path file) {
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
