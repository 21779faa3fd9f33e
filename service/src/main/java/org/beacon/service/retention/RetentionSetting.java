package org.beacon.service.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.beacon.service.impact.ImpactRequest;

/**
 * How long the audit trail keeps its rows in the database: a period ({@code 2y}, {@code P18M}) or a duration, or
 * nothing for "keep everything". Rows are exported once they were stored
 * before the start of the UTC day {@code keep} before now, so a row is kept at least {@code keep}.
 *
 * @param text the setting as written, null when unset
 * @param period the setting as a period (whole days, months, years), null for a duration or when unset
 * @param duration the setting as a duration, null for a period or when unset
 */
record RetentionSetting(String text, Period period, Duration duration) {

    /**
     * The least a setting may keep: the longest impact window (today and the days before it) must find every row it
     * covers in the database, so a window of {@value ImpactRequest#MAX_DAYS} days ending today reaches back
     * {@code MAX_DAYS - 1} whole days before today.
     */
    static final Period MINIMUM = Period.ofDays((int) ImpactRequest.MAX_DAYS - 1);

    private static final String REMEDY = "Set beacon.audit.retention to at least 365d (1y, P400D, …), or leave it"
            + " unset to keep every audited decision.";
    private static final Pattern SIMPLE = Pattern.compile("(\\d{1,6})\\s*(d|w|y)");

    static RetentionSetting keepEverything() {
        return new RetentionSetting(null, null, null);
    }

    boolean keepsEverything() {
        return text == null;
    }

    /**
     * Reads {@code 400d}, {@code 60w}, {@code 2y}, an ISO period ({@code P1Y}, {@code P400D}) or an ISO duration
     * ({@code PT9000H}); blank is "keep everything". Months are only taken as ISO ({@code P18M}), since Spring reads
     * {@code 18m} as minutes elsewhere.
     *
     * @throws RetentionSettingException when it is none of these or keeps less than {@link #MINIMUM}
     */
    static RetentionSetting parse(String text) {
        if (text == null || text.isBlank()) {
            return keepEverything();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        RetentionSetting setting;
        Matcher m = SIMPLE.matcher(t);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(1));
            setting = new RetentionSetting(text.strip(), switch (m.group(2)) {
                case "d" -> Period.ofDays(n);
                case "w" -> Period.ofWeeks(n);
                default -> Period.ofYears(n);
            }, null);
        } else {
            try {
                setting = t.startsWith("pt") ? new RetentionSetting(text.strip(), null, Duration.parse(t))
                        : new RetentionSetting(text.strip(), Period.parse(t), null);
            } catch (DateTimeParseException e) {
                throw new RetentionSettingException("beacon.audit.retention='" + text + "' is not a length of time"
                        + " like 400d, 2y, P18M or P400D", REMEDY);
            }
        }
        // compared on a day that leaves no doubt about leap years: the setting's own cut-off against the minimum's
        Instant now = Instant.parse("2026-03-01T00:00:00Z");
        if (setting.cutOff(now).isAfter(keepOf(MINIMUM, now))) {
            throw new RetentionSettingException("beacon.audit.retention=" + text.strip() + " keeps less than the "
                    + ImpactRequest.MAX_DAYS + "-day window an impact run may read (today and the "
                    + MINIMUM.getDays() + " days before)", REMEDY);
        }
        return setting;
    }

    /** Rows stored before this instant are exported: the start of the UTC day {@code keep} before {@code now}. */
    Instant cutOff(Instant now) {
        if (keepsEverything()) {
            throw new IllegalStateException("no cut-off: beacon.audit.retention is not set");
        }
        ZonedDateTime back = period != null ? now.atZone(ZoneOffset.UTC).minus(period)
                : now.minus(duration).atZone(ZoneOffset.UTC);
        return back.truncatedTo(ChronoUnit.DAYS).toInstant();
    }

    private static Instant keepOf(Period keep, Instant now) {
        return now.atZone(ZoneOffset.UTC).minus(keep).truncatedTo(ChronoUnit.DAYS).toInstant();
    }
}
