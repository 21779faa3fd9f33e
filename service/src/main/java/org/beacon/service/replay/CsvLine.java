package org.beacon.service.replay;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads back one line of a {@code steps.csv} as the rules' {@code SafeCsvWriter} wrote it (RFC 4180, quotes doubled,
 * CRLF): a quoted cell written with a leading {@code '} because it looked like a formula gets its text back without
 * it. A region's code or name never holds a line break (the timeline reader refuses control characters), so a line
 * is a record.
 */
final class CsvLine {

    private CsvLine() {
    }

    static List<String> cells(String line) {
        String s = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        List<String> cells = new ArrayList<>();
        if (s.isEmpty()) {
            return cells;
        }
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                cells.add(text(cell, wasQuoted));
                cell.setLength(0);
                wasQuoted = false;
            } else {
                cell.append(c);
            }
        }
        cells.add(text(cell, wasQuoted));
        return cells;
    }

    private static String text(StringBuilder cell, boolean quoted) {
        if (quoted && cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0) {
            return cell.substring(1);
        }
        return cell.toString();
    }
}
