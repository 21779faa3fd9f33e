package org.beacon.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beacon.rules.replay.TimelineCsv;

/**
 * The arguments of {@code beacon impact}, checked before anything is read.
 *
 * @param situations situation files, folders of them and JSON-lines files, in the order given
 * @param timelines timelines to replay with both versions
 * @param xlsx where to write the report workbook, or null
 */
record ImpactArguments(Path before, Path after, List<Path> situations, List<Path> timelines,
        TimelineCsv.Options options, boolean json, Path xlsx, int examples) {

    static final int DEFAULT_EXAMPLES = 10;
    private static final int MAX_EXAMPLES = 10_000;

    private static final Set<String> VALUED = Set.of("--timeline", "--source", "--step", "--missing-days",
            "--event-type", "--xlsx", "--examples");

    /** @throws IllegalArgumentException saying what is wrong with the command line */
    static ImpactArguments parse(List<String> args) {
        List<String> words = new ArrayList<>();
        List<Path> timelines = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        boolean json = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                words.add(arg);
                continue;
            }
            if (arg.equals("--json")) {
                json = true;
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (!VALUED.contains(name)) {
                throw new IllegalArgumentException("impact has no option " + name);
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
            if (name.equals("--timeline")) {
                timelines.add(Path.of(value));
            } else if (values.put(name, value) != null) {
                throw new IllegalArgumentException(name + " is given twice");
            }
        }
        if (words.size() < 2) {
            throw new IllegalArgumentException("impact takes the old and the new tables, then situations");
        }
        if (words.size() == 2 && timelines.isEmpty()) {
            throw new IllegalArgumentException("impact needs situations (files, folders, JSON lines) or --timeline");
        }
        TimelineCsv.Options options = TimelineCsv.Options.defaults()
                .withStep(ReplayArguments.step(values.get("--step")))
                .withMissingDays(ReplayArguments.missingDays(values.get("--missing-days")));
        if (values.containsKey("--source")) {
            options = options.withSource(values.get("--source"));
        }
        if (values.containsKey("--event-type")) {
            options = options.withEventType(values.get("--event-type"));
        }
        return new ImpactArguments(Path.of(words.get(0)), Path.of(words.get(1)),
                words.subList(2, words.size()).stream().map(Path::of).toList(), List.copyOf(timelines), options, json,
                values.containsKey("--xlsx") ? Path.of(values.get("--xlsx")) : null,
                examples(values.get("--examples")));
    }

    /** The files and folders that must exist before anything is read. */
    List<Path> existing() {
        List<Path> paths = new ArrayList<>(List.of(before, after));
        paths.addAll(situations);
        paths.addAll(timelines);
        return paths;
    }

    private static int examples(String value) {
        if (value == null) {
            return DEFAULT_EXAMPLES;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 0 && n <= MAX_EXAMPLES) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("--examples is a whole number from 0 to " + MAX_EXAMPLES + ", not '"
                + value + "'");
    }
}
