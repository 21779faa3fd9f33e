package org.beacon.rules.replay;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.beacon.rules.model.AdminLevel;
import org.beacon.rules.model.Message;
import org.beacon.rules.signal.SignalStatistics;

/**
 * Reads a timeline CSV: a header row, then one row per region and date.
 *
 * <p>Columns: {@code date} (ISO, {@code 2020-01-23}), {@code region} (a region code; {@code province_code} is read
 * as the same), optional {@code regionName} ({@code province}), {@code level} (a level the rule set's Dictionary
 * declares for {@code adminLevel}: province, prefecture, county, township when it declares none; see
 * {@link Options#levels()}), {@code eventType} and {@code source}. Every other column is a series of numbers named like an indicator
 * ({@code cumulativeConfirmed}, {@code cases}, {@code deaths}); an empty cell is a missing value. A column whose name
 * starts with {@code cumulative} is a running total.
 *
 * <p>Nothing is guessed: a file with several sources must be pinned to one, a file with gaps needs a
 * {@link Timeline.MissingDays} policy, and every bad cell is reported with its line and column. Everything a replay
 * will meet is checked here, so that a timeline accepted is a timeline replayed to its last step: counts from 0 to
 * {@link #MAX_COUNT}, dates with four-digit years, region codes and names without control characters and within the
 * lengths the evaluation API accepts, and no more region-steps, once gaps are filled, than rows allowed.
 */
public final class TimelineCsv {

    /**
     * The largest count a timeline may hold (10^9), the bound the situation API puts on daily counts
     * ({@link SignalStatistics#MAX_DAILY_COUNT}): more people than any country has, and far enough from overflow that
     * 14-day sums and 5-year means stay finite.
     */
    public static final long MAX_COUNT = (long) SignalStatistics.MAX_DAILY_COUNT;

    /**
     * What the reader is told rather than guesses.
     *
     * @param source the source to keep when the file has a {@code source} column with several values
     * @param step days or months
     * @param missingDays how to fill gaps; null refuses a timeline with gaps
     * @param eventType the event type of rows without an {@code eventType} column
     * @param level the region level of rows without a {@code level} column; null for {@code province} when the
     *     levels have it, else none
     * @param levels the region levels a {@code level} cell may name: those the rule set's Dictionary declares
     *     ({@link org.beacon.rules.model.Dictionary#regionLevels()}), so a replay refuses, at its line, a level its
     *     situations would be refused for
     * @param maxRows refuse larger files
     */
    public record Options(String source, Timeline.Step step, Timeline.MissingDays missingDays, String eventType,
            String level, List<String> levels, long maxRows) {

        /** The levels of a rule set that declares none: the Chinese four. */
        public static final List<String> DEFAULT_LEVELS = java.util.Arrays.stream(AdminLevel.values())
                .map(AdminLevel::code).toList();

        public Options {
            levels = List.copyOf(levels);
        }

        public static Options defaults() {
            return new Options(null, Timeline.Step.DAY, null, null, null, DEFAULT_LEVELS, 5_000_000);
        }

        /** The level of rows without a {@code level} column: the one given, or province when a level, or none. */
        String defaultLevel() {
            if (level != null) {
                return level;
            }
            return levels.contains(AdminLevel.PROVINCE.code()) ? AdminLevel.PROVINCE.code() : null;
        }

        public Options withSource(String s) {
            return new Options(s, step, missingDays, eventType, level, levels, maxRows);
        }

        public Options withStep(Timeline.Step s) {
            return new Options(source, s, missingDays, eventType, level, levels, maxRows);
        }

        public Options withMissingDays(Timeline.MissingDays m) {
            return new Options(source, step, m, eventType, level, levels, maxRows);
        }

        public Options withEventType(String e) {
            return new Options(source, step, missingDays, e, level, levels, maxRows);
        }

        /** Rows without a {@code level} column are at {@code l} (one of {@link #levels()}; null: the default). */
        public Options withLevel(String l) {
            return new Options(source, step, missingDays, eventType, l, levels, maxRows);
        }

        /**
         * The levels every one of {@code ruleSets} declares (in the first one's order), since each of them decides
         * every region of the replay.
         */
        public Options withLevelsOf(List<org.beacon.rules.CompiledRuleSet> ruleSets) {
            List<String> common = new java.util.ArrayList<>(ruleSets.get(0).dictionary().regionLevels());
            ruleSets.forEach(r -> common.retainAll(r.dictionary().regionLevels()));
            return withLevels(common);
        }

        /** The levels a {@code level} cell may name, as the rule set's Dictionary declares them. */
        public Options withLevels(List<String> l) {
            return new Options(source, step, missingDays, eventType, level, l, maxRows);
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
        Map<String, RegionRows> regions = new LinkedHashMap<>();
        Map<String, Long> sources = new TreeMap<>();
        RowCache cache = new RowCache();
        try (CSVParser parser = CSVParser.builder().setReader(withoutByteOrderMark(reader))
                .setFormat(InputCells.format()).get()) {
            TimelineHeader h = TimelineHeader.of(parser.getHeaderNames(), file, errors);
            if (h == null) {
                throw new ReplayInputException(errors);
            }
            InputCells cells = new InputCells(file, h.names, errors);
            for (CSVRecord row : parser) {
                if (row.getRecordNumber() > options.maxRows()) {
                    throw new ReplayInputException(List.of(DataIssue.error(cells.where(row),
                            Message.of("replay.TOO_LARGE.rows", options.maxRows()))));
                }
                if (!row.isConsistent()) {
                    cells.add(DataIssue.error(cells.where(row),
                            Message.of("replay.INVALID_VALUE.rowCellsHeader", row.size(), h.names.size())));
                    continue;
                }
                String source = h.source < 0 ? null : cells.text(row, h.source, InputCells.MAX_LABEL);
                if (source != null) {
                    sources.merge(source, 1L, Long::sum);
                    if (options.source() != null && !options.source().equals(source)) {
                        continue;
                    }
                }
                readRow(row, cells, h, options, regions, cache);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ReplayInputException(List.of(DataIssue.error(file,
                    Message.of("replay.INVALID_VALUE.unreadableCsv", e.getMessage()))));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ReplayInputException(List.of(DataIssue.error(file,
                    Message.of("replay.INVALID_VALUE.invalidCsv", e.getMessage()))));
        }
        checkWhole(file, options, regions, sources, errors);
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

    /**
     * What only the whole file shows: several sources or none of the one asked for, no rows, more region-steps
     * than rows allowed once gaps are filled. Errors are added to {@code errors}.
     */
    private static void checkWhole(String file, Options options, Map<String, RegionRows> regions,
            Map<String, Long> sources, List<DataIssue> errors) {
        if (options.source() == null && sources.size() > 1) {
            errors.removeIf(e -> e.code().equals("DUPLICATE_DAY")); // the sources' days, not a fault of either
            errors.add(0, DataIssue.error(file,
                    Message.of("replay.SEVERAL_SOURCES", sources.size(), describe(sources))));
        } else if (options.source() != null && !sources.containsKey(options.source())) {
            errors.add(0, DataIssue.error(file, sources.isEmpty()
                    ? Message.of("replay.UNKNOWN_SOURCE.noColumn", options.source())
                    : Message.of("replay.UNKNOWN_SOURCE", options.source(), describe(sources))));
        }
        if (regions.isEmpty() && errors.isEmpty()) {
            errors.add(DataIssue.error(file, Message.of("replay.INVALID_VALUE.noRows")));
        }
        if (errors.isEmpty()) {
            long steps = 0;
            for (RegionRows r : regions.values()) {
                steps += r.span(options.step());
            }
            if (steps > options.maxRows()) {
                errors.add(DataIssue.error(file,
                        Message.of("replay.TOO_LARGE", steps, options.maxRows())));
            }
        }
    }

    private static void readRow(CSVRecord row, InputCells cells, TimelineHeader h, Options options,
            Map<String, RegionRows> regions, RowCache cache) {
        String dateText = InputCells.cell(row, h.date);
        LocalDate date = cache.date(dateText);
        if (date == null) {
            cells.refuse(row, h.date, Message.of("replay.INVALID_VALUE.date", InputCells.shorten(dateText)));
            return;
        }
        if (options.step() == Timeline.Step.MONTH) {
            date = date.withDayOfMonth(1);
        }
        String code = cells.text(row, h.region, InputCells.MAX_REGION_CODE);
        if (code != null && code.isEmpty()) {
            code = cells.refuse(row, h.region, Message.of("replay.INVALID_VALUE.emptyRegion"));
        }
        String name = h.name < 0 ? "" : cells.text(row, h.name, InputCells.MAX_REGION_NAME);
        String eventType = h.eventType < 0 ? "" : cells.text(row, h.eventType, InputCells.MAX_LABEL);
        String level = options.defaultLevel();
        boolean refused = false;
        if (h.level >= 0) {
            String levelText = InputCells.cell(row, h.level);
            level = cache.level(levelText, options.levels());
            if (level == null) {
                refused = true;
                cells.refuse(row, h.level, Message.of("replay.INVALID_VALUE.adminLevel",
                        InputCells.shorten(levelText), String.join(", ", options.levels())));
            }
        }
        if (code == null || name == null || eventType == null || refused) {
            return;
        }
        double[] values = new double[h.series.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = cells.count(row, h.series.get(i));
        }
        RegionRows r = regions.computeIfAbsent(code, c -> new RegionRows(c, h));
        if (r.name == null && !name.isEmpty()) {
            r.name = name;
        }
        r.level = level;
        r.eventType = eventType.isEmpty() ? options.eventType() : eventType;
        if (!r.add(date, values)) {
            cells.add(DataIssue.error(cells.where(row), Message.of(
                    options.step() == Timeline.Step.MONTH ? "replay.DUPLICATE_DAY.month" : "replay.DUPLICATE_DAY",
                    code, date)));
        }
    }

    private static String describe(Map<String, Long> sources) {
        StringBuilder b = new StringBuilder();
        sources.forEach((s, n) -> b.append(b.isEmpty() ? "" : ", ").append(s).append(": ").append(n).append(" rows"));
        return b.toString();
    }

    /**
     * Parses a file's repeated cells once: a daily file names the same few hundred dates and one level on every
     * row. Bounded, so a file of a million distinct dates costs no more than parsing each.
     */
    private static final class RowCache {
        private static final int MAX_DATES = 10_000;
        private final Map<String, LocalDate> dates = new HashMap<>();
        private String levelText;
        private String level;

        /** The date a cell names ({@code 2020-01-23}, a four-digit year), or null. */
        LocalDate date(String text) {
            LocalDate d = dates.get(text);
            if (d == null) {
                d = InputCells.date(text);
                if (d != null && dates.size() < MAX_DATES) {
                    dates.put(text, d);
                }
            }
            return d;
        }

        /** The level a cell names (one of the four in its lower-case code, as situations carry it), or null. */
        String level(String text, List<String> levels) {
            if (!text.equals(levelText)) {
                String normalised = AdminLevel.normalised(text);
                // as a situation's region.level: in any case (State is state), kept as the Dictionary spells it
                level = levels.stream().filter(l -> l.equalsIgnoreCase(normalised)).findFirst().orElse(null);
                levelText = text;
            }
            return level;
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
