package org.beacon.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.beacon.cli.CommandLineOptions.RefusedArgumentsException;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.impact.ImpactComparison;
import org.beacon.rules.impact.ImpactReport;
import org.beacon.rules.impact.ImpactReport.Dimension;
import org.beacon.rules.impact.ImpactReport.RowChange;
import org.beacon.rules.impact.ImpactReport.Transition;
import org.beacon.rules.impact.ImpactReport.WeekBurden;
import org.beacon.rules.impact.report.ImpactWorkbook;
import org.beacon.rules.replay.ReplayInput;
import org.beacon.rules.replay.ReplayInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code beacon impact}: decides situations (files, folders, JSON lines) and replays timelines with the old and the
 * new tables, and prints what would change: transitions of grade, colour, risk level and reporting duty, rows gained
 * and lost, the weekly alert burden, the situations the new dictionary refuses. Every input is checked before the
 * first situation is decided where it can be (arguments, files, timelines, tables); a bad situation met while
 * streaming stops the run, and nothing is written.
 */
final class ImpactCommand {

    private static final String USAGE_LINE = """
              beacon impact <old tables> <new tables> [situation.json | folder | situations.jsonl …]
                            [--timeline timeline.csv …] [--source S] [--step day|month]
                            [--missing-days zero-fill|carry-forward] [--event-type T]
                            [--json] [--xlsx report.xlsx] [--examples N] [--lang zh|en]
            """;

    /** The impact command's lines of the usage text: its synopsis as typed, what it does in the reader's language. */
    static String usageLine(CommandLineText text) {
        return USAGE_LINE + text.get("usage.impactLine") + "\n";
    }

    private static final int PRINTED_WEEKS = 20;

    private final PrintStream out;
    private final PrintStream err;
    private final CommandLineText text;
    private final Function<Path, CompiledRuleSet> tables;

    /** @param tables compiles a folder of workbooks, printing its problems; null when it cannot be used */
    ImpactCommand(PrintStream out, PrintStream err, CommandLineText text, Function<Path, CompiledRuleSet> tables) {
        this.out = out;
        this.err = err;
        this.text = text;
        this.tables = tables;
    }

    /** @return the exit status: 0 ok, 1 workbook or timeline errors, 2 usage or situation-file errors */
    int run(List<String> args) {
        ImpactArguments a;
        try {
            a = ImpactArguments.parse(args);
        } catch (RefusedArgumentsException e) {
            err.println(text.get("error.prefix", e.in(text)));
            err.print(text.get("usage.impact", usageLine(text)));
            return BeaconCommand.USAGE;
        }
        for (Path p : a.existing()) {
            if (!Files.exists(p)) {
                err.println(text.get("error.prefix", text.get("error.missing", p)));
                return BeaconCommand.USAGE;
            }
        }
        CompiledRuleSet before = tables.apply(a.before());
        CompiledRuleSet after = before == null ? null : tables.apply(a.after());
        if (before == null || after == null) {
            return BeaconCommand.WORKBOOK_ERRORS;
        }
        List<ReplayInput> timelines = new ArrayList<>();
        for (Path t : a.timelines()) {
            try (Reader r = Files.newBufferedReader(t, StandardCharsets.UTF_8)) {
                timelines.add(ReplayInput.read(r, t.getFileName().toString(),
                        a.options().withLevelsOf(List.of(before, after)), null, null));
            } catch (ReplayInputException e) {
                e.issues().forEach(i -> err.println(text.dataIssue(i)));
                err.println(text.get("error.prefix", text.get("impact.nothingCompared")));
                return BeaconCommand.WORKBOOK_ERRORS;
            } catch (IOException | UncheckedIOException e) {
                err.println(text.get("error.prefix", text.get("error.cannotRead", t + ": " + e.getMessage())));
                return BeaconCommand.USAGE;
            }
        }
        ImpactComparison impact = new ImpactComparison(before, after, a.examples());
        try {
            SituationFiles.read(a.situations(), impact::add);
        } catch (SituationFiles.UnreadableSituationsException e) {
            err.println(text.get("error.prefix", e.getMessage()));
            err.println(text.get("error.prefix", text.get("impact.nothingWritten")));
            return BeaconCommand.USAGE;
        }
        for (int i = 0; i < timelines.size(); i++) {
            impact.addTimeline(a.timelines().get(i).getFileName().toString(), timelines.get(i).timeline(),
                    Runtime.getRuntime().availableProcessors());
        }
        ImpactReport report = impact.report();
        if (a.xlsx() != null && !write(report, a, a.xlsx())) {
            return BeaconCommand.USAGE;
        }
        if (a.json()) {
            out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        } else {
            print(report, a);
        }
        return BeaconCommand.OK;
    }

    /** Writes next to the target first, so a failed write never leaves half a workbook under its name. */
    private boolean write(ImpactReport report, ImpactArguments a, Path xlsx) {
        Path part = xlsx.resolveSibling(xlsx.getFileName() + ".part");
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("旧规则 old tables", a.before().toString());
        inputs.put("新规则 new tables", a.after().toString());
        a.situations().forEach(s -> inputs.merge("情形 situations", s.toString(), (x, y) -> x + ", " + y));
        a.timelines().forEach(t -> inputs.merge("时间线 timelines", t.toString(), (x, y) -> x + ", " + y));
        try {
            try (OutputStream o = Files.newOutputStream(part)) {
                ImpactWorkbook.write(report, inputs, o);
            }
            Files.move(part, xlsx, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException | UncheckedIOException e) {
            err.println(text.get("error.prefix", text.get("error.cannotWrite", xlsx, e.getMessage())));
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // the .part name already says it is incomplete
            }
            return false;
        }
    }

    private void print(ImpactReport r, ImpactArguments a) {
        out.println(text.get("impact.summary", a.after(), r.after(), a.before(), r.before(), r.situations(),
                r.decided(), r.changed()));
        for (Dimension d : r.transitions()) {
            List<Transition> moved = d.transitions().stream().filter(Transition::changed).toList();
            out.println(text.get("impact.changed", text.get("impact.dimension." + d.name()), d.changed()));
            for (Transition t : moved) {
                out.println("  " + t.from() + " → " + t.to() + "  " + t.count() + examples(t.examples(), t.count()));
            }
        }
        if (!r.rows().isEmpty()) {
            out.println(text.get("impact.rows"));
            for (RowChange row : r.rows()) {
                out.println("  " + row.row() + "  +" + row.gained() + " −" + row.lost());
            }
        }
        out.println(text.get("impact.burden"));
        List<WeekBurden> changed = r.weeks().stream().filter(w -> !w.before().equals(w.after())).toList();
        for (WeekBurden w : changed.subList(0, Math.min(PRINTED_WEEKS, changed.size()))) {
            out.println("  " + w.week() + "  " + w.before().warnings() + " → " + w.after().warnings() + "; "
                    + w.before().graded() + " → " + w.after().graded());
        }
        if (changed.size() > PRINTED_WEEKS) {
            out.println(text.get("impact.moreWeeks", changed.size() - PRINTED_WEEKS));
        }
        long warningsBefore = r.weeks().stream().mapToLong(w -> w.before().warnings()).sum();
        long warningsAfter = r.weeks().stream().mapToLong(w -> w.after().warnings()).sum();
        out.println(text.get("impact.weeksChanged", changed.size(), r.weeks().size(), warningsBefore,
                warningsAfter));
        if (r.invalidBefore() > 0) {
            out.println(text.get("impact.notCompared", r.invalidBefore()));
        }
        out.println(text.get("impact.invalid", r.becameInvalid()));
        r.invalid().forEach(i -> out.println("  " + i.id() + ": " + i.reason()));
        if (a.xlsx() != null) {
            out.println(text.get("impact.wrote", a.xlsx()));
        }
    }

    private static String examples(List<String> ids, long count) {
        if (ids.isEmpty()) {
            return "";
        }
        return " (" + String.join(", ", ids) + (count > ids.size() ? ", …" : "") + ")";
    }
}
