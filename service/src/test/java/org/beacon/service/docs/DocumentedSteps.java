package org.beacon.service.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps a Markdown document tells its reader to take, in the order it tells them: each fenced block right after a
 * {@code <!-- tested -->} line is a list of shell commands, and each table right after {@code <!-- tested: edit -->}
 * (columns {@code workbook | cell | was | becomes}) is a change the reader makes in Excel. A command's expected
 * outcome is its trailing {@code # → …} comment, which the reader sees too.
 */
final class DocumentedSteps {

    static final String COMMANDS = "<!-- tested -->";
    static final String EDITS = "<!-- tested: edit -->";
    private static final String EXPECTED = "# →";

    /** One step: commands to run, or cells to change. */
    sealed interface Step permits Commands, Edits {
        /** The document's line number where the step starts, for messages. */
        int line();
    }

    /** A tested code block: its commands, backslash-continued lines joined. */
    record Commands(int line, List<Command> commands) implements Step {
    }

    /** A tested table of cell changes. */
    record Edits(int line, List<CellEdit> edits) implements Step {
    }

    /**
     * One shell command as written, and what the document says it gives: the items of its {@code # →} comment
     * ({@code 200}, {@code exit 1}, {@code grade Ⅲ}, {@code Tests!N33}), none when it has no such comment.
     */
    record Command(int line, String text, List<String> expected) {
    }

    /** Cell {@code cell} ({@code Sheet!A8}) of {@code workbook} reads {@code was} and is to read {@code becomes}. */
    record CellEdit(String workbook, String cell, String was, String becomes) {
    }

    private DocumentedSteps() {
    }

    static List<Step> of(Path markdown) throws IOException {
        return parse(Files.readAllLines(markdown));
    }

    static List<Step> parse(List<String> lines) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String marker = lines.get(i).strip();
            if (!marker.equals(COMMANDS) && !marker.equals(EDITS)) {
                continue;
            }
            int start = i + 1;
            while (start < lines.size() && lines.get(start).isBlank()) {
                start++;
            }
            if (marker.equals(COMMANDS)) {
                if (start >= lines.size() || !lines.get(start).startsWith("```")) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": " + COMMANDS + " is not followed by a "
                            + "fenced code block");
                }
                int end = start + 1;
                while (end < lines.size() && !lines.get(end).startsWith("```")) {
                    end++;
                }
                steps.add(new Commands(start + 1, commands(lines, start + 1, end)));
                i = end;
            } else {
                int end = start;
                while (end < lines.size() && lines.get(end).startsWith("|")) {
                    end++;
                }
                steps.add(new Edits(start + 1, edits(lines.subList(start, end), i + 1)));
                i = end;
            }
        }
        return steps;
    }

    private static List<Command> commands(List<String> lines, int from, int to) {
        List<Command> commands = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int first = from;
        for (int i = from; i < to; i++) {
            String line = lines.get(i);
            if (text.isEmpty()) {
                first = i;
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
            }
            if (line.endsWith("\\")) {
                text.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            text.append(line);
            commands.add(command(first + 1, text.toString()));
            text.setLength(0);
        }
        if (!text.isEmpty()) {
            throw new IllegalArgumentException("line " + (first + 1) + ": the block ends inside a continued command");
        }
        return commands;
    }

    private static Command command(int line, String text) {
        int comment = text.lastIndexOf(EXPECTED);
        if (comment < 0) {
            return new Command(line, text.strip(), List.of());
        }
        List<String> expected = new ArrayList<>();
        for (String item : text.substring(comment + EXPECTED.length()).split(",")) {
            if (!item.isBlank()) {
                expected.add(item.strip());
            }
        }
        return new Command(line, text.substring(0, comment).strip(), List.copyOf(expected));
    }

    private static List<CellEdit> edits(List<String> table, int markerLine) {
        if (table.size() < 3 || !cells(table.get(0)).equals(List.of("workbook", "cell", "was", "becomes"))) {
            throw new IllegalArgumentException("line " + markerLine + ": " + EDITS + " needs a table with the "
                    + "columns workbook | cell | was | becomes and at least one row");
        }
        List<CellEdit> edits = new ArrayList<>();
        for (String row : table.subList(2, table.size())) {
            List<String> c = cells(row);
            edits.add(new CellEdit(c.get(0), c.get(1), c.get(2), c.get(3)));
        }
        return edits;
    }

    /** The cells of a Markdown table row, without the backticks of code spans. */
    private static List<String> cells(String row) {
        String inner = row.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) {
            String c = cell.strip();
            if (c.length() >= 2 && c.startsWith("`") && c.endsWith("`")) {
                c = c.substring(1, c.length() - 1);
            }
            cells.add(c);
        }
        return cells;
    }
}
