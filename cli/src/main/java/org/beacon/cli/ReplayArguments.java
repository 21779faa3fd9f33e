package org.beacon.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beacon.cli.CommandLineOptions.RefusedArgumentsException;
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

    private static final Set<String> OPTIONS = Set.of("--actual", "--compare", "--out", "--revisions");

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
        Set<String> once = new HashSet<>(OPTIONS);
        once.addAll(CommandLineOptions.TIMELINE);
        CommandLineOptions read = CommandLineOptions.read(command, args, once, ownOptions, Set.of());
        if (read.words().size() != 2) {
            throw new RefusedArgumentsException("arguments.files", command);
        }
        Map<String, String> values = read.values();
        return new ReplayArguments(Path.of(read.words().get(0)), Path.of(read.words().get(1)),
                read.timelineOptions(), path(values, "--actual"), path(values, "--compare"),
                Path.of(values.getOrDefault("--out", defaultOut)), path(values, "--revisions"), read.repeated());
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

    private static Path path(Map<String, String> values, String name) {
        return values.containsKey(name) ? Path.of(values.get(name)) : null;
    }
}
