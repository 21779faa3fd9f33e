package org.beacon.rules.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes CSV that a spreadsheet opens as data: every CSV file Beacon writes goes through it. Text cells carry region
 * names, labels and comments from uploaded files, and Excel or LibreOffice would run a cell starting with {@code =},
 * {@code +}, {@code -}, {@code @}, tab or CR as a formula ({@code =HYPERLINK(…)}, {@code =cmd|…}). Such a cell is
 * written as OWASP recommends against CSV injection: a leading {@code '} and the field quoted, so the spreadsheet
 * shows it as typed. A {@link Number} is written as it is, so a negative count stays a number.
 *
 * <p>Otherwise the output is RFC 4180 as Commons CSV's default format writes it: commas, CRLF, a field quoted only
 * when it must be, quotes doubled, {@code null} as an empty cell. Not thread-safe.
 */
public final class SafeCsvWriter {

    private final Writer out;

    public SafeCsvWriter(Writer out) {
        this.out = out;
    }

    /** Writes one record; a cell is a {@link Number}, null, or anything else written as its text. */
    public void record(List<?> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                Object cell = cells.get(i);
                if (cell instanceof Number n) {
                    out.write(n.toString());
                } else if (cell != null) {
                    text(cell.toString(), i == 0);
                } else if (i == 0 && cells.size() == 1) {
                    out.write("\"\"");
                }
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True for text a spreadsheet would read as a formula (OWASP's list of first characters). */
    static boolean looksLikeFormula(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    private void text(String text, boolean first) throws IOException {
        boolean formula = looksLikeFormula(text);
        if (!formula && !needsQuotes(text, first)) {
            out.write(text);
            return;
        }
        out.write('"');
        if (formula) {
            out.write('\'');
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                out.write('"');
            }
            out.write(c);
        }
        out.write('"');
    }

    /**
     * The cases Commons CSV's minimal quoting quotes: an empty first cell (else the line reads as empty), a cell
     * starting with a space, control character or {@code #} or ending with a space, and one holding a comma, quote
     * or line break.
     */
    private static boolean needsQuotes(String text, boolean first) {
        if (text.isEmpty()) {
            return first;
        }
        if (text.charAt(0) <= '#' || text.charAt(text.length() - 1) <= ' ') {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
