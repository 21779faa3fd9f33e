package org.beacon.rules.model;

import java.time.LocalDate;

/**
 * A surveillance signal: one source's daily counts for a region (notifiable-disease reports, ILI visits, school
 * absenteeism, pharmacy sales …), oldest first. Beacon derives the statistics tables threshold on from it.
 *
 * @param source the source, a value of the dictionary's {@code signalSource}
 * @param start the date of the first value
 * @param values one count per day from {@code start}; the day the situation describes is the last one used
 */
public record Signal(String source, LocalDate start, double[] values) {
}
