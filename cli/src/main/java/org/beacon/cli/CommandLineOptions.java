package org.beacon.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beacon.rules.replay.Timeline;
import org.beacon.rules.replay.TimelineCsv;

/**
 * The words and options of a command whose options take values ({@code --source canghailan}, {@code --step=day}):
 * replay, calibrate and impact read their command lines through it, so each refuses the same mistakes in the same
 * words. Immutable.
 *
 * @param words what is not an option, in order
 * @param values the value of each option given once
 * @param repeated the values of each repeatable option, in order
 * @param switches the options without a value that were given
 */
record CommandLineOptions(List<String> words, Map<String, String> values, Map<String, List<String>> repeated,
        Set<String> switches) {

    /** Options every command that reads a timeline takes, to read it as {@link TimelineCsv.Options}. */
    static final Set<String> TIMELINE = Set.of("--source", "--step", "--missing-days", "--event-type");

    /** What is wrong with the command line, as a line of the command line's bundle ({@code arguments.…}). */
    static final class RefusedArgumentsException extends IllegalArgumentException {
        private final transient CommandLineText.Line line;

        RefusedArgumentsException(String key, Object... args) {
            this(new CommandLineText.Line(key, args));
        }

        private RefusedArgumentsException(CommandLineText.Line line) {
            super(line.inEnglish());
            this.line = line;
        }

        String in(CommandLineText text) {
            return line.in(text);
        }
    }

    /**
     * @param command the command's name, for messages
     * @param once options taking a value, each given at most once
     * @param repeatable options taking a value, each given any number of times
     * @param flags options without a value
     * @throws RefusedArgumentsException for an option the command does not take, one without its value or one
     *     given twice
     */
    static CommandLineOptions read(String command, List<String> args, Set<String> once, Set<String> repeatable,
            Set<String> flags) {
        List<String> words = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, List<String>> repeated = new LinkedHashMap<>();
        Set<String> switches = new LinkedHashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                words.add(arg);
                continue;
            }
            if (flags.contains(arg)) {
                switches.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (!once.contains(name) && !repeatable.contains(name)) {
                throw new RefusedArgumentsException("arguments.option", command, name);
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                throw new RefusedArgumentsException("arguments.value", name);
            }
            if (repeatable.contains(name)) {
                repeated.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else if (values.put(name, value) != null) {
                throw new RefusedArgumentsException("arguments.twice", name);
            }
        }
        return new CommandLineOptions(List.copyOf(words), values, repeated, switches);
    }

    /**
     * How to read a timeline: {@code --step}, {@code --missing-days}, {@code --source}, {@code --event-type}.
     *
     * @throws RefusedArgumentsException for a step or a way to fill gaps there is not
     */
    TimelineCsv.Options timelineOptions() {
        TimelineCsv.Options options = TimelineCsv.Options.defaults().withStep(step(values.get("--step")))
                .withMissingDays(missingDays(values.get("--missing-days")));
        if (values.containsKey("--source")) {
            options = options.withSource(values.get("--source"));
        }
        if (values.containsKey("--event-type")) {
            options = options.withEventType(values.get("--event-type"));
        }
        return options;
    }

    private static Timeline.Step step(String value) {
        if (value == null) {
            return Timeline.Step.DAY;
        }
        return switch (value) {
            case "day" -> Timeline.Step.DAY;
            case "month" -> Timeline.Step.MONTH;
            default -> throw new RefusedArgumentsException("arguments.step", value);
        };
    }

    private static Timeline.MissingDays missingDays(String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "zero-fill", "zeroFill" -> Timeline.MissingDays.ZERO_FILL;
            case "carry-forward", "carryForward" -> Timeline.MissingDays.CARRY_FORWARD;
            default -> throw new RefusedArgumentsException("arguments.missingDays", value);
        };
    }
}
