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
 * The arguments of {@code beacon replay}, checked before anything is read.
 *
 * @param compare other tables to replay side by side, or null
 * @param actual the actual decisions, or null
 */
record ReplayArguments(Path tables, Path timeline, TimelineCsv.Options options, Path actual, Path compare,
        Path out) {

    private static final Set<String> OPTIONS = Set.of("--source", "--step", "--missing-days", "--event-type",
            "--actual", "--compare", "--out");

    /** @throws IllegalArgumentException saying what is wrong with the command line */
    static ReplayArguments parse(List<String> args) {
        List<String> words = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                words.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("replay has no option " + name);
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
            if (values.put(name, value) != null) {
                throw new IllegalArgumentException(name + " is given twice");
            }
        }
        if (words.size() != 2) {
            throw new IllegalArgumentException("replay takes a tables folder and a timeline file");
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
                path(values, "--compare"), Path.of(values.getOrDefault("--out", "replay-out")));
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
        return paths;
    }

    static Timeline.Step step(String value) {
        if (value == null) {
            return Timeline.Step.DAY;
        }
        return switch (value) {
            case "day" -> Timeline.Step.DAY;
            case "month" -> Timeline.Step.MONTH;
            default -> throw new IllegalArgumentException("--step is day or month, not '" + value + "'");
        };
    }

    static Timeline.MissingDays missingDays(String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "zero-fill", "zeroFill" -> Timeline.MissingDays.ZERO_FILL;
            case "carry-forward", "carryForward" -> Timeline.MissingDays.CARRY_FORWARD;
            default -> throw new IllegalArgumentException("--missing-days is zero-fill or carry-forward, not '"
                    + value + "'");
        };
    }

    private static Path path(Map<String, String> values, String name) {
        return values.containsKey(name) ? Path.of(values.get(name)) : null;
    }
}
