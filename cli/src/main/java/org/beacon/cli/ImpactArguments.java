package org.beacon.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.beacon.cli.CommandLineOptions.RefusedArgumentsException;
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

    /** @throws RefusedArgumentsException saying what is wrong with the command line */
    static ImpactArguments parse(List<String> args) {
        Set<String> once = new HashSet<>(CommandLineOptions.TIMELINE);
        once.addAll(Set.of("--xlsx", "--examples"));
        CommandLineOptions read = CommandLineOptions.read("impact", args, once, Set.of("--timeline"),
                Set.of("--json"));
        List<String> words = read.words();
        List<Path> timelines = read.repeated().getOrDefault("--timeline", List.of()).stream().map(Path::of).toList();
        if (words.size() < 2) {
            throw new RefusedArgumentsException("impact.arguments.tables");
        }
        if (words.size() == 2 && timelines.isEmpty()) {
            throw new RefusedArgumentsException("impact.arguments.situations");
        }
        String xlsx = read.values().get("--xlsx");
        return new ImpactArguments(Path.of(words.get(0)), Path.of(words.get(1)),
                words.subList(2, words.size()).stream().map(Path::of).toList(), timelines, read.timelineOptions(),
                read.switches().contains("--json"), xlsx == null ? null : Path.of(xlsx),
                examples(read.values().get("--examples")));
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
        throw new RefusedArgumentsException("impact.arguments.examples", MAX_EXAMPLES, value);
    }
}
