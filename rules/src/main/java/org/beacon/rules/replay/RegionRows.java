package org.beacon.rules.replay;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.beacon.rules.model.Message;

/**
 * One region's rows by date while reading. Rows nearly always come in date order (a region's rows together, or
 * one day's report after another), so they are appended to flat arrays; the first row out of order moves them
 * into a sorted map, which also finds duplicates.
 */
final class RegionRows {
    final String code;
    final TimelineHeader header;
    final int columns;
    String name;
    String level;
    String eventType;
    LocalDate[] dates = new LocalDate[64];
    double[] values;
    int size;
    TreeMap<LocalDate, double[]> unordered;

    RegionRows(String code, TimelineHeader header) {
        this.code = code;
        this.header = header;
        this.columns = header.series.size();
        this.values = new double[dates.length * columns];
    }

    /** False when the region already has a row for this date. */
    boolean add(LocalDate date, double[] row) {
        if (unordered == null) {
            if (size == 0 || date.isAfter(dates[size - 1])) {
                if (size == dates.length) {
                    dates = Arrays.copyOf(dates, size * 2);
                    values = Arrays.copyOf(values, size * 2 * columns);
                }
                dates[size] = date;
                System.arraycopy(row, 0, values, size * columns, columns);
                size++;
                return true;
            }
            unordered = new TreeMap<>();
            for (int i = 0; i < size; i++) {
                unordered.put(dates[i], Arrays.copyOfRange(values, i * columns, (i + 1) * columns));
            }
            dates = null;
            values = null;
        }
        return unordered.put(date, row) == null;
    }

    /** Steps from the first row's date to the last, gaps included. */
    long span(Timeline.Step step) {
        sort();
        return 1 + (step == Timeline.Step.DAY ? ChronoUnit.DAYS : ChronoUnit.MONTHS).between(dates[0],
                dates[size - 1]);
    }

    /** Back to date order in the flat arrays. */
    private void sort() {
        if (unordered != null) {
            size = unordered.size();
            dates = new LocalDate[size];
            values = new double[size * columns];
            int i = 0;
            for (Map.Entry<LocalDate, double[]> e : unordered.entrySet()) {
                dates[i] = e.getKey();
                System.arraycopy(e.getValue(), 0, values, i * columns, columns);
                i++;
            }
            unordered = null;
        }
    }

    Timeline.Series toSeries(TimelineCsv.Options options, List<DataIssue> warnings, List<DataIssue> errors) {
        sort();
        LocalDate start = dates[0];
        LocalDate end = dates[size - 1];
        int length = (int) span(options.step());
        String[] names = new String[columns];
        boolean[] cumulative = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            names[c] = header.names.get(header.series.get(c));
            cumulative[c] = Timeline.cumulative(names[c]);
        }
        double[][] series = new double[columns][length];
        List<LocalDate> gaps = new ArrayList<>();
        double[] last = new double[columns];
        Arrays.fill(last, Double.NaN);
        int next = 0;
        for (int i = 0; i < length; i++) {
            LocalDate d = options.step().add(start, i);
            // every row's date is a step from start (months are read as their first day), in order
            int row = next < size && dates[next].equals(d) ? next++ : -1;
            if (row < 0) {
                gaps.add(d);
            }
            for (int c = 0; c < columns; c++) {
                double v = row < 0 ? Double.NaN : values[row * columns + c];
                if (Double.isNaN(v) && options.missingDays() != null) {
                    boolean carry = options.missingDays() == Timeline.MissingDays.CARRY_FORWARD || cumulative[c];
                    v = carry ? last[c] : 0;
                }
                if (cumulative[c] && !Double.isNaN(v) && !Double.isNaN(last[c]) && v < last[c]) {
                    warnings.add(DataIssue.warning(code + " " + d, Message.of("replay.CUMULATIVE_DECREASE",
                            names[c], TimelineCsv.fmt(last[c]), TimelineCsv.fmt(v))));
                }
                series[c][i] = v;
                if (!Double.isNaN(v)) {
                    last[c] = v;
                }
            }
        }
        if (!gaps.isEmpty()) {
            Object list = gaps.size() <= 3 ? gaps.toString()
                    : Message.of("replay.phrase.moreDays", gaps.subList(0, 3), gaps.size() - 3);
            if (options.missingDays() == null) {
                errors.add(DataIssue.error(code,
                        Message.of("replay.MISSING_DAYS", gaps.size(), start, end, list)));
            } else {
                warnings.add(DataIssue.warning(code, Message.of("replay.MISSING_DAYS.filled", gaps.size(),
                        options.missingDays().name().toLowerCase(Locale.ROOT), list)));
            }
        }
        if (options.step() == Timeline.Step.DAY) {
            for (int c = 0; c < columns; c++) {
                if (cumulative[c]) {
                    RevisionCheck.flag(code, names[c], start, series[c], warnings);
                }
            }
        }
        dates = null;
        values = null;
        Map<String, double[]> byName = new LinkedHashMap<>();
        for (int c = 0; c < columns; c++) {
            byName.put(names[c], series[c]);
        }
        return new Timeline.Series(code, name == null ? code : name, level, eventType, start, length, byName);
    }
}
