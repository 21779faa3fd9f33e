package org.beacon.rules.replay;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Dated facts per region, ready to replay: one series per region, one value per step for each column, gaps already
 * filled as the reader was told.
 *
 * @param step how far apart the values are
 * @param regions the regions, in the order they first appear in the file
 * @param source the source the timeline was pinned to, or null when the file names none
 * @param issues warnings about the data (revisions, filled gaps); errors never reach a Timeline
 */
public record Timeline(Step step, List<Series> regions, String source, List<DataIssue> issues) {

    public Timeline {
        regions = List.copyOf(regions);
        issues = List.copyOf(issues);
    }

    /** How far apart consecutive values are. */
    public enum Step {
        DAY, MONTH;

        LocalDate add(LocalDate date, int steps) {
            return this == DAY ? date.plusDays(steps) : date.plusMonths(steps);
        }
    }

    /** What to put in a day (or month) the file does not have, between a region's first and last. */
    public enum MissingDays {
        /** Counts are 0; cumulative series stay at their last value (nothing new that day). */
        ZERO_FILL,
        /** Every series repeats its last value, counts included. */
        CARRY_FORWARD
    }

    /**
     * One region's series.
     *
     * @param level the region's level as situations carry it ({@code province}, {@code state}); null when unknown
     * @param columns values by column name, index 0 is {@code start}; a column whose name starts with
     *     {@code cumulative} is a running total
     */
    public record Series(String regionCode, String regionName, String level, String eventType, LocalDate start,
            int length, Map<String, double[]> columns) {

        public LocalDate date(Step step, int index) {
            return step.add(start, index);
        }

        public Set<String> names() {
            return columns.keySet();
        }
    }

    /** Region-steps the replay will decide. */
    public long steps() {
        return regions.stream().mapToLong(Series::length).sum();
    }

    static boolean cumulative(String column) {
        return column.startsWith("cumulative");
    }
}
