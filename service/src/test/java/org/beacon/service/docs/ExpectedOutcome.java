package org.beacon.service.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether a command gave what its {@code # →} comment tells the reader. Each item of the comment is one of:
 * <ul>
 *   <li>{@code 201}: the HTTP status of the command's {@code curl};</li>
 *   <li>{@code exit 1}: the command's exit status;</li>
 *   <li>for an answer in JSON, {@code grade Ⅲ}: a top-level field and a value found in it (a value of the field
 *       itself, or of any field or element within it); {@code password}: the field is there and not null;
 *       {@code no password}: it is absent or null;</li>
 *   <li>otherwise, text the output contains ({@code Tests!N33}, {@code grade Ⅱ}).</li>
 * </ul>
 * A command without a status in its comment must exit with 0, and a {@code curl} get a 2xx answer.
 */
final class ExpectedOutcome {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern STATUS = Pattern.compile("\\d{3}");
    private static final Pattern EXIT = Pattern.compile("exit (\\d+)");

    private ExpectedOutcome() {
    }

    /** What differs from the document's word, one sentence each; empty when the command did as it says. */
    static List<String> differences(DocumentedSteps.Command command, ReaderShell.Outcome outcome) {
        List<String> differences = new ArrayList<>();
        int exit = 0;
        Integer status = null;
        JsonNode answer = json(outcome.output());
        for (String item : command.expected()) {
            if (STATUS.matcher(item).matches()) {
                status = Integer.parseInt(item);
            } else if (EXIT.matcher(item).matches()) {
                exit = Integer.parseInt(item.substring("exit ".length()));
            } else if (answer != null) {
                checkField(answer, item, differences);
            } else if (!outcome.output().contains(item)) {
                differences.add("the output does not contain '" + item + "'");
            }
        }
        if (outcome.exit() != exit) {
            differences.add("exit status " + outcome.exit() + ", expected " + exit);
        }
        for (int got : outcome.httpStatuses()) {
            if (status != null ? got != status : got / 100 != 2) {
                differences.add("HTTP status " + got + ", expected " + (status != null ? status : "2xx"));
            }
        }
        if (status != null && outcome.httpStatuses().isEmpty()) {
            differences.add("HTTP status " + status + " expected, but no curl answered");
        }
        return differences;
    }

    private static void checkField(JsonNode answer, String item, List<String> differences) {
        String[] words = item.split(" ", 2);
        if (words.length == 2 && words[0].equals("no")) {
            JsonNode field = answer.get(words[1]);
            if (field != null && !field.isNull()) {
                differences.add("the answer has '" + words[1] + "': " + field);
            }
            return;
        }
        JsonNode field = answer.get(words[0]);
        if (field == null || field.isNull()) {
            differences.add("the answer has no '" + words[0] + "'");
        } else if (words.length == 2 && !holds(field, words[1].strip())) {
            differences.add("the answer's '" + words[0] + "' does not hold '" + words[1].strip() + "': " + field);
        }
    }

    private static boolean holds(JsonNode node, String value) {
        if (node.isValueNode()) {
            return node.asString().equals(value);
        }
        for (JsonNode child : node.values()) {
            if (holds(child, value)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode json(String output) {
        String text = output.strip();
        if (!text.startsWith("{") && !text.startsWith("[")) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            return null;
        }
    }
}
