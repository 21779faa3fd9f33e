package org.beacon.rules.replay;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.beacon.rules.AdminLevel;

/**
 * Reads a timeline CSV: a header row, then one row per region and date.
 *
 * <p>Columns: {@code date} (ISO, {@code 2020-01-23}), {@code region} (a region code; {@code province_code} is read
 * as the same), optional {@code regionName} ({@code province}), {@code level} (province, prefecture, county,
 * township), {@code eventType} and {@code source}. Every other column is a series of numbers named like an indicator
 * ({@code cumulativeConfirmed}, {@code cases}, {@code deaths}); an empty cell is a missing value. A column whose name
 * starts with {@code cumulative} is a running total.
 *
 * <p>Nothing is guessed: a file with several sources must be pinned to one, a file with gaps needs a
 * {@link Timeline.MissingDays} policy, and every bad cell is reported with its line and column.
 */
public final class TimelineCsv {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final int MAX_ISSUES = 50;

    /**
     * What the reader is told rather than guesses.
     *
     * @param source the source to keep when the file has a {@code source} column with several values
     * @param step days or months
     * @param missingDays how to fill gaps; null refuses a timeline with gaps
     * @param eventType the event type of rows without an {@code eventType} column
     * @param level the region level of rows without a {@code level} column
     * @param maxRows refuse larger files
     */
    public record Options(String source, Timeline.Step step, Timeline.MissingDays missingDays, String eventType,
            AdminLevel level, long maxRows) {

        public static Options defaults() {
            return new Options(null, Timeline.Step.DAY, null, null, AdminLevel.PROVINCE, 5_000_000);
        }

        public Options withSource(String s) {
            return new Options(s, step, missingDays, eventType, level, maxRows);
        }

        public Options withStep(Timeline.Step s) {
            return new Options(source, s, missingDays, eventType, level, maxRows);
        }

        public Options withMissingDays(Timeline.MissingDays m) {
            return new Options(source, step, m, eventType, level, maxRows);
        }

        public Options withEventType(String e) {
            return new Options(source, step, missingDays, e, level, maxRows);
        }

        public Options withLevel(AdminLevel l) {
            return new Options(source, step, missingDays, eventType, l, maxRows);
        }
    }

    private TimelineCsv() {
    }

    /**
     * @param file the name used in diagnostics ({@code timeline.csv})
     * @throws ReplayInputException with every error found; nothing is returned half-read
     */
    public static Timeline read(Reader reader, String file, Options options) {
        List<DataIssue> errors = new ArrayList<>();
        List<DataIssue> warnings = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).get();
        Map<String, RegionRows> regions = new LinkedHashMap<>();
        Map<String, Long> sources = new TreeMap<>();
        try (CSVParser parser = CSVParser.builder().setReader(withoutByteOrderMark(reader)).setFormat(format).get()) {
            Header h = Header.of(parser.getHeaderNames(), file, errors);
            if (h == null) {
                throw new ReplayInputException(errors);
            }
            for (CSVRecord row : parser) {
                String where = file + ":" + (row.getRecordNumber() + 1);
                if (row.getRecordNumber() > options.maxRows()) {
                    throw new ReplayInputException(List.of(DataIssue.error("TOO_LARGE", where, "more than "
                            + options.maxRows() + " rows")));
                }
                if (!row.isConsistent()) {
                    add(errors, DataIssue.error("INVALID_VALUE", where, "the row has " + row.size()
                            + " cells, the header " + h.names.size()));
                    continue;
                }
                String source = h.source < 0 ? null : row.get(h.source);
                if (source != null) {
                    sources.merge(source, 1L, Long::sum);
                    if (options.source() != null && !options.source().equals(source)) {
                        continue;
                    }
                }
                readRow(row, where, h, options, regions, errors);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ReplayInputException(List.of(DataIssue.error("INVALID_VALUE", file, "not a readable CSV file: "
                    + e.getMessage())));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ReplayInputException(List.of(DataIssue.error("INVALID_VALUE", file, "not a valid CSV file: "
                    + e.getMessage())));
        }
        if (options.source() == null && sources.size() > 1) {
            errors.removeIf(e -> e.code().equals("DUPLICATE_DAY")); // the sources' days, not a fault of either
            errors.add(0, DataIssue.error("SEVERAL_SOURCES", file, "the file mixes " + sources.size()
                    + " sources (" + describe(sources) + "); pin one (source=…): sources often differ by a day or "
                    + "by revisions, and mixing them double-counts"));
        } else if (options.source() != null && !sources.containsKey(options.source())) {
            errors.add(0, DataIssue.error("UNKNOWN_SOURCE", file, "no row has source '" + options.source() + "'"
                    + (sources.isEmpty() ? "; the file has no source column" : "; sources: " + describe(sources))));
        }
        if (regions.isEmpty() && errors.isEmpty()) {
            errors.add(DataIssue.error("INVALID_VALUE", file, "the timeline has no rows"));
        }
        List<Timeline.Series> series = new ArrayList<>();
        if (errors.isEmpty()) {
            for (RegionRows r : regions.values()) {
                series.add(r.toSeries(options, warnings, errors));
            }
        }
        if (!errors.isEmpty()) {
            throw new ReplayInputException(errors);
        }
        return new Timeline(options.step(), series, options.source(), warnings);
    }

    private static void readRow(CSVRecord row, String where, Header h, Options options,
            Map<String, RegionRows> regions, List<DataIssue> errors) {
        LocalDate date;
        try {
            date = LocalDate.parse(row.get(h.date));
        } catch (DateTimeParseException e) {
            add(errors, DataIssue.error("INVALID_VALUE", where + " date", "'" + row.get(h.date)
                    + "' is not a date (write 2020-01-23)"));
            return;
        }
        if (options.step() == Timeline.Step.MONTH) {
            date = date.withDayOfMonth(1);
        }
        String code = row.get(h.region);
        if (code.isEmpty()) {
            add(errors, DataIssue.error("INVALID_VALUE", where + " region", "the region code is empty"));
            return;
        }
        AdminLevel level = options.level();
        if (h.level >= 0) {
            level = AdminLevel.parse(row.get(h.level)).orElse(null);
            if (level == null) {
                add(errors, DataIssue.error("INVALID_VALUE", where + " level", "'" + row.get(h.level)
                        + "' is not province, prefecture, county or township"));
                return;
            }
        }
        String eventType = h.eventType >= 0 && !row.get(h.eventType).isEmpty() ? row.get(h.eventType)
                : options.eventType();
        double[] values = new double[h.series.size()];
        for (int i = 0; i < values.length; i++) {
            String text = row.get(h.series.get(i));
            if (text.isEmpty()) {
                values[i] = Double.NaN;
                continue;
            }
            try {
                values[i] = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                values[i] = Double.NaN;
                add(errors, DataIssue.error("INVALID_VALUE", where + " " + h.names.get(h.series.get(i)), "'" + text
                        + "' is not a number"));
                continue;
            }
            if (!Double.isFinite(values[i]) || values[i] < 0) {
                add(errors, DataIssue.error("INVALID_VALUE", where + " " + h.names.get(h.series.get(i)), "'" + text
                        + "' is not a count (a finite number, 0 or more)"));
            }
        }
        RegionRows r = regions.computeIfAbsent(code, c -> new RegionRows(c, h));
        if (h.name >= 0 && r.name == null && !row.get(h.name).isEmpty()) {
            r.name = row.get(h.name);
        }
        r.level = level;
        r.eventType = eventType;
        if (r.days.put(date, values) != null) {
            add(errors, DataIssue.error("DUPLICATE_DAY", where, "region " + code + " already has a row for " + date
                    + (options.step() == Timeline.Step.MONTH ? " (same month)" : "")));
        }
    }

    private static void add(List<DataIssue> errors, DataIssue issue) {
        if (errors.size() < MAX_ISSUES) {
            errors.add(issue);
        }
    }

    private static String describe(Map<String, Long> sources) {
        StringBuilder b = new StringBuilder();
        sources.forEach((s, n) -> b.append(b.isEmpty() ? "" : ", ").append(s).append(": ").append(n).append(" rows"));
        return b.toString();
    }

    /** Where the known columns are; -1 when absent. */
    private static final class Header {
        final List<String> names;
        int date = -1;
        int region = -1;
        int name = -1;
        int level = -1;
        int eventType = -1;
        int source = -1;
        final List<Integer> series = new ArrayList<>();

        private Header(List<String> names) {
            this.names = names;
        }

        static Header of(List<String> names, String file, List<DataIssue> errors) {
            Header h = new Header(names);
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < names.size(); i++) {
                String n = names.get(i).trim();
                if (!seen.add(n.toLowerCase(Locale.ROOT))) {
                    errors.add(DataIssue.error("INVALID_VALUE", file + ":1", "column '" + n + "' appears twice"));
                    continue;
                }
                switch (n.toLowerCase(Locale.ROOT)) {
                    case "date" -> h.date = i;
                    case "region", "regioncode", "province_code" -> h.region = i;
                    case "regionname", "province", "name" -> h.name = i;
                    case "level" -> h.level = i;
                    case "eventtype" -> h.eventType = i;
                    case "source" -> h.source = i;
                    default -> {
                        if (!NAME.matcher(n).matches()) {
                            errors.add(DataIssue.error("INVALID_VALUE", file + ":1", "column '" + n + "' is not an "
                                    + "indicator name (letters, digits and _, starting with a letter)"));
                        } else {
                            h.series.add(i);
                        }
                    }
                }
            }
            if (h.date < 0) {
                errors.add(DataIssue.error("MISSING_COLUMN", file + ":1", "no 'date' column"));
            }
            if (h.region < 0) {
                errors.add(DataIssue.error("MISSING_COLUMN", file + ":1", "no 'region' column (a region code)"));
            }
            return errors.isEmpty() ? h : null;
        }
    }

    /** One region's rows by date while reading. */
    private static final class RegionRows {
        final String code;
        final Header header;
        String name;
        AdminLevel level;
        String eventType;
        final TreeMap<LocalDate, double[]> days = new TreeMap<>();

        RegionRows(String code, Header header) {
            this.code = code;
            this.header = header;
        }

        Timeline.Series toSeries(Options options, List<DataIssue> warnings, List<DataIssue> errors) {
            LocalDate start = days.firstKey();
            int length = 0;
            for (LocalDate d = start; !d.isAfter(days.lastKey()); d = options.step().add(start, ++length)) {
                // counts the steps from the first to the last row
            }
            int columns = header.series.size();
            double[][] values = new double[columns][length];
            List<LocalDate> gaps = new ArrayList<>();
            double[] last = new double[columns];
            Arrays.fill(last, Double.NaN);
            for (int i = 0; i < length; i++) {
                LocalDate d = options.step().add(start, i);
                double[] row = days.get(d);
                if (row == null) {
                    gaps.add(d);
                }
                for (int c = 0; c < columns; c++) {
                    String col = header.names.get(header.series.get(c));
                    double v = row == null ? Double.NaN : row[c];
                    if (Double.isNaN(v) && options.missingDays() != null) {
                        boolean carry = options.missingDays() == Timeline.MissingDays.CARRY_FORWARD
                                || Timeline.cumulative(col);
                        v = carry ? last[c] : 0;
                    }
                    if (Timeline.cumulative(col) && !Double.isNaN(v) && !Double.isNaN(last[c]) && v < last[c]) {
                        warnings.add(DataIssue.warning("CUMULATIVE_DECREASE", code + " " + d, col + " goes down from "
                                + fmt(last[c]) + " to " + fmt(v) + " (a revision): nothing new is counted that day "
                                + "and the series goes on from the revised total"));
                    }
                    values[c][i] = v;
                    if (!Double.isNaN(v)) {
                        last[c] = v;
                    }
                }
            }
            if (!gaps.isEmpty()) {
                String list = gaps.size() <= 3 ? gaps.toString() : gaps.subList(0, 3) + " and " + (gaps.size() - 3)
                        + " more";
                if (options.missingDays() == null) {
                    errors.add(DataIssue.error("MISSING_DAYS", code, gaps.size() + " missing between " + start
                            + " and " + days.lastKey() + ": " + list + "; choose missingDays: zeroFill (counts 0, "
                            + "totals unchanged) or carryForward (every value repeats)"));
                } else {
                    warnings.add(DataIssue.warning("MISSING_DAYS", code, gaps.size() + " missing, filled by "
                            + options.missingDays().name().toLowerCase(Locale.ROOT) + ": " + list));
                }
            }
            Map<String, double[]> byName = new LinkedHashMap<>();
            for (int c = 0; c < columns; c++) {
                byName.put(header.names.get(header.series.get(c)), values[c]);
            }
            return new Timeline.Series(code, name == null ? code : name, level, eventType, start, length, byName);
        }
    }

    /** The reader past the byte-order mark spreadsheet programs write before a CSV header, if there is one. */
    static Reader withoutByteOrderMark(Reader reader) throws IOException {
        PushbackReader in = new PushbackReader(reader, 1);
        int first = in.read();
        if (first != -1 && first != '\uFEFF') {
            in.unread(first);
        }
        return in;
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
