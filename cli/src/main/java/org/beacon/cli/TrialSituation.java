package org.beacon.cli;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A situation typed on the command line ({@code beacon evaluate tables/ --event cholera --set cases=12}) instead of
 * written to a file. It becomes the same JSON a file would hold, so {@link SituationJson} and the rule set's check
 * read it exactly as they read a file: one set of rules for what a situation may be, however it arrives.
 */
final class TrialSituation {

    /** The options that make {@code evaluate} read its situation from the command line. */
    static final Set<String> OPTIONS = Set.of("--event", "--set", "--region-code", "--region-name", "--region-level",
            "--date");

    /** Options taking one value. */
    static final Set<String> ONCE = Set.of("--event", "--region-code", "--region-name", "--region-level", "--date");

    /**
     * The region code when none is given: a trial asks "what would this decide", and where it happens only matters
     * to tables testing the region's level, which {@code --region-level} sets.
     */
    static final String TRIAL_REGION = "trial";

    /** A number as JSON writes one; anything else typed after {@code =} is text (or true/false). */
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

    private TrialSituation() {
    }

    /** True when {@code args} (after {@code evaluate}) name the situation with options rather than a file. */
    static boolean isTrial(List<String> args) {
        return args.stream().anyMatch(a -> OPTIONS.contains(a.contains("=") ? a.substring(0, a.indexOf('=')) : a));
    }

    /**
     * The situation's JSON: {@code --event} as {@code eventType}, {@code --region-*} as {@code region},
     * {@code --date} as {@code asOf}, each {@code --set name=value} as an indicator.
     *
     * @throws CommandLineOptions.RefusedArgumentsException for a {@code --set} without {@code name=} or a name
     *     set twice
     */
    static ObjectNode json(CommandLineOptions options) {
        JsonNodeFactory nodes = JsonMapper.builder().build().getNodeFactory();
        ObjectNode root = nodes.objectNode();
        if (options.values().containsKey("--event")) {
            root.put("eventType", options.values().get("--event"));
        }
        ObjectNode region = root.putObject("region");
        region.put("code", options.values().getOrDefault("--region-code", TRIAL_REGION));
        if (options.values().containsKey("--region-name")) {
            region.put("name", options.values().get("--region-name"));
        }
        if (options.values().containsKey("--region-level")) {
            region.put("level", options.values().get("--region-level"));
        }
        if (options.values().containsKey("--date")) {
            root.put("asOf", options.values().get("--date"));
        }
        ObjectNode indicators = root.putObject("indicators");
        for (String assignment : options.repeated().getOrDefault("--set", List.of())) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                throw new CommandLineOptions.RefusedArgumentsException("arguments.set", assignment);
            }
            String name = assignment.substring(0, eq).trim();
            String value = assignment.substring(eq + 1).trim();
            if (indicators.has(name)) {
                throw new CommandLineOptions.RefusedArgumentsException("arguments.setTwice", name);
            }
            if (NUMBER.matcher(value).matches() && number(value) != null) {
                indicators.put(name, number(value));
            } else if (value.equals("true") || value.equals("false")) {
                indicators.put(name, Boolean.parseBoolean(value));
            } else if (value.isEmpty()) {
                // name= says "not given", as null does in a file: the indicator is missing
                indicators.putNull(name);
            } else {
                indicators.put(name, value);
            }
        }
        return root;
    }

    /** The number, or null for one no BigDecimal holds (1E+2147483648): it is then sent as the text typed. */
    private static BigDecimal number(String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
