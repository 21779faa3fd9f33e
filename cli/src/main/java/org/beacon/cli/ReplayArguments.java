package org.beacon.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beacon.rules.replay.Timeline;
import org.beacon.rules.replay.TimelineCsv;

/**
 * The arguments of {@code beacon replay}, checked before anything is read; also those of the commands that replay
 * a timeline with the same options and add their own ({@code beacon calibrate}).
 *
 * @param compare other tables to replay side by side, or null
 * @param actual the actual decisions, or null
 * @param revisions known revisions to exclude from the counts, or null
 * @param own the values of the command's own options, each as often as given, by option
 */
record ReplayArguments(Path tables, Path timeline, TimelineCsv.Options options, Path actual, Path compare,
        Path out, Path revisions, Map<String, List<String>> own) {

    private static final Set<String> OPTIONS = Set.of("--source", "--step", "--missing-days", "--event-type",
            "--actual", "--compare", "--out", "--revisions");

    /** What is wrong with the command line, as a line of the command line's bundle ({@code replay.arguments.…}). */
    static final class RefusedArgumentsException extends IllegalArgumentException {
        private final transient CommandLineText.Line line;

        RefusedArgumentsException(String key, Object... args) {
            this(new CommandLineText.Line("replay.arguments." + key, args));
        }

        private RefusedArgumentsException(CommandLineText.Line line) {
            super(line.inEnglish());
            this.line = line;
        }

        String in(CommandLineText text) {
            return line.in(text);
        }
    }

    /** @throws RefusedArgumentsException saying what is wrong with the command line */
    static ReplayArguments parse(List<String> args) {
        return parse("replay", args, Set.of(), "replay-out");
    }

    /**
     * @param command the command's name, for messages
     * @param ownOptions options of that command besides replay's; each may be given several times
     * @param defaultOut the output folder without {@code --out}
     * @throws RefusedArgumentsException saying what is wrong with the command line
     */
    static ReplayArguments parse(String command, List<String> args, Set<String> ownOptions, String defaultOut) {
        List<String> words = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, List<String>> own = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                words.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (!OPTIONS.contains(name) && !ownOptions.contains(name)) {
                throw new RefusedArgumentsException("option", command, name);
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                throw new RefusedArgumentsException("value", name);
            }
            if (ownOptions.contains(name)) {
                own.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else if (values.put(name, value) != null) {
                throw new RefusedArgumentsException("twice", name);
            }
        }
        if (words.size() != 2) {
            throw new RefusedArgumentsException("files", command);
        }
        TimelineCsv.Options options = TimelineCsv.Options.defaults().withStep(step(values.get("--step")))
                .withMissingDays(missingDays(values.get("--missing-days")));
        if (values.containsKey("--source")) {
            options = options.withSource(values.get("--source"));
        }
        if (values.containsKey("--event-type")) {
            options = options.withEventType(values.get("--event-type"));
        }
        return new ReplayArguments(Path.of(words.get(0)), Path.of(words.get(1)), options, path(values, "--actual"),
                path(values, "--compare"), Path.of(values.getOrDefault("--out", defaultOut)), path(values, "--revisions"),
                own);
    }

    /** The files and folders that must exist before anything is read. */
    List<Path> existing() {
        List<Path> paths = new ArrayList<>(List.of(tables, timeline));
        if (actual != null) {
            paths.add(actual);
        }
        if (compare != null) {
            paths.add(compare);
        }
        if (revisions != null) {
            paths.add(revisions);
        }
        return paths;
    }

    static Timeline.Step step(String value) {
        if (value == null) {
            return Timeline.Step.DAY;
        }
        return switch (value) {
            case "day" -> Timeline.Step.DAY;
            case "month" -> Timeline.Step.MONTH;
            default -> throw new RefusedArgumentsException("step", value);
        };
    }

    static Timeline.MissingDays missingDays(String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "zero-fill", "zeroFill" -> Timeline.MissingDays.ZERO_FILL;
            case "carry-forward", "carryForward" -> Timeline.MissingDays.CARRY_FORWARD;
            default -> throw new RefusedArgumentsException("missingDays", value);
        };
    }

    private static Path path(Map<String, String> values, String name) {
        return values.containsKey(name) ? Path.of(values.get(name)) : null;
    }
}
