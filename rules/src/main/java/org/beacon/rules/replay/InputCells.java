package org.beacon.rules.replay;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.beacon.rules.model.Message;

/**
 * The cells of one uploaded CSV (a timeline, actual decisions) read as they are written, each problem added to the
 * file's errors as {@code INVALID_VALUE} at {@code file:line column}. What it accepts is what a replay can carry to
 * its last step and what the evaluation API accepts: text without control characters and within its length, counts
 * from 0 to {@link TimelineCsv#MAX_COUNT}, dates with four-digit years. Spaces around a value are left out; any other
 * character is refused, never stripped ({@code \t=1+1} must not become {@code =1+1}).
 */
final class InputCells {

    /** The evaluation API's limits on a region code and name. */
    static final int MAX_REGION_CODE = 50;
    static final int MAX_REGION_NAME = 200;
    /** The replay form's limit on an event type or a source. */
    static final int MAX_LABEL = 100;
    private static final int MAX_ISSUES = 50;

    private final String file;
    private final List<String> columns;
    private final List<DataIssue> errors;

    /**
     * @param file the name used in locations ({@code timeline})
     * @param columns the header's names, for locations
     * @param errors where problems go, at most 50
     */
    InputCells(String file, List<String> columns, List<DataIssue> errors) {
        this.file = file;
        this.columns = columns;
        this.errors = errors;
    }

    /**
     * Commons CSV's default format with a header and without its trimming, which strips tabs, CRs and other control
     * characters around a value too.
     */
    static CSVFormat format() {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get();
    }

    /** A cell without the spaces around it. */
    static String cell(CSVRecord row, int column) {
        String text = row.get(column);
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == ' ') {
            end--;
        }
        return start == 0 && end == text.length() ? text : text.substring(start, end);
    }

    /** A text cell, or null when it is refused: a control character, more than {@code max} characters. */
    String text(CSVRecord row, int column, int max) {
        String text = cell(row, column);
        if (text.length() > max) {
            return refuse(row, column, Message.of("replay.INVALID_VALUE.tooLong", max, text.length()));
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return refuse(row, column, Message.of("replay.INVALID_VALUE.controlCharacter",
                        String.format("%04X", (int) text.charAt(i)), i + 1));
            }
        }
        if (text.startsWith("\"") && row.get(column).startsWith(" ")) {
            return refuse(row, column, Message.of("replay.INVALID_VALUE.spaceBeforeQuote"));
        }
        return text;
    }

    /** A count, NaN for an empty cell or a refused one: a plain decimal number from 0 to 10^9. */
    double count(CSVRecord row, int column) {
        String text = cell(row, column);
        if (text.isEmpty()) {
            return Double.NaN;
        }
        // Double.parseDouble also reads 12f, 0x1p3, NaN and Infinity, none of which a person means as a count
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) {
                return notANumber(row, column, text);
            }
        }
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return notANumber(row, column, text);
        }
        if (v >= 0 && v <= TimelineCsv.MAX_COUNT) {
            return v;
        }
        refuse(row, column, Message.of("replay.INVALID_VALUE.count", shorten(text), TimelineCsv.MAX_COUNT));
        return Double.NaN;
    }

    private double notANumber(CSVRecord row, int column, String text) {
        refuse(row, column, Message.of("replay.INVALID_VALUE.number", shorten(text)));
        return Double.NaN;
    }

    /**
     * An ISO date with a four-digit year, or null: {@link LocalDate#parse} also reads {@code +999999999-12-31},
     * whose days no replay could count.
     */
    static LocalDate date(String text) {
        if (text.length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Whether the row has as many cells as the header; if not, says so and the row is to be skipped. */
    boolean consistent(CSVRecord row) {
        if (!row.isConsistent()) {
            add(DataIssue.error(where(row), Message.of("replay.INVALID_VALUE.rowCells", row.size())));
        }
        return row.isConsistent();
    }

    /** The date in a cell ({@code 2020-01-23}); null, refused at the cell, when it is not one. */
    LocalDate date(CSVRecord row, int column) {
        String text = cell(row, column);
        LocalDate d = date(text);
        if (d == null) {
            refuse(row, column, Message.of("replay.INVALID_VALUE.date", shorten(text)));
        }
        return d;
    }

    /** Adds an {@code INVALID_VALUE} at the cell; returns null, for a refused value. */
    String refuse(CSVRecord row, int column, Message detail) {
        add(DataIssue.error(where(row) + " " + columns.get(column), detail));
        return null;
    }

    void add(DataIssue issue) {
        if (errors.size() < MAX_ISSUES) {
            errors.add(issue);
        }
    }

    /** {@code timeline:12}: built only for a diagnostic, not for every row. */
    String where(CSVRecord row) {
        return file + ":" + (row.getRecordNumber() + 1);
    }

    static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
