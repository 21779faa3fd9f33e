package org.beacon.service.impact;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.beacon.rules.model.IsoDate;
import org.beacon.service.evaluation.AuditedSituations;
import org.beacon.service.replay.ReplayInputReader;
import org.beacon.service.web.InvalidRequestException;
import org.beacon.service.web.InvalidRequestException.FieldError;
import org.beacon.service.web.QuotedInput;
import org.springframework.web.multipart.MultipartFile;

/**
 * The query of {@code POST /rule-sets/{id}/impact}, as given (text, so that a bad value is a 400 naming it, not a
 * binding error).
 *
 * @param from first day of the window (UTC, of the time each decision was stored), default 30 days before {@code to}
 * @param to last day of the window, included; default today
 * @param limit the cap: the most audited decisions one run decides again
 * @param region only this region code
 * @param eventType only this event type
 * @param examples how many example ids per transition and per row
 * @param timeline a timeline CSV to replay with both versions too (multipart), or {@code example} naming one;
 *     {@code source}, {@code step}, {@code missingDays} read it as {@code POST /replays} does, and {@code eventType}
 *     names the event type of its rows without an eventType column
 */
public record ImpactRequest(String from, String to, String limit, String region, String eventType, String examples,
        MultipartFile timeline, String example, String source, String step, String missingDays) {

    /** The defaults: the last 30 days of the audit, the default cap and examples, no timeline. */
    public static ImpactRequest defaults() {
        return new ImpactRequest(null, null, null, null, null, null, null, null, null, null, null);
    }

    static final int DEFAULT_DAYS = 30;
    /** The longest window, in days, today included: audit retention never keeps less (issue 25). */
    public static final long MAX_DAYS = 366;
    static final long DEFAULT_LIMIT = 100_000;
    static final long MAX_LIMIT = 1_000_000;
    static final int DEFAULT_EXAMPLES = 10;
    static final int MAX_EXAMPLES = 1_000;

    /** The request checked: what the run reads. */
    record Checked(LocalDate from, LocalDate to, AuditedSituations.Window window, long limit, int examples) {
    }

    /** The timeline's fields, as a replay reads them. */
    ReplayInputReader.TimelineFields timelineFields() {
        return new ReplayInputReader.TimelineFields(timeline, example, source, step, missingDays, eventType, null);
    }

    /** @throws InvalidRequestException naming every bad parameter; nothing is read or stored then */
    Checked check(LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate last = date(to, "?to", today, errors);
        LocalDate first = date(from, "?from", last == null ? null : last.minusDays(DEFAULT_DAYS), errors);
        if (first != null && last != null) {
            if (first.isAfter(last)) {
                errors.add(new FieldError("?from", "from (" + first + ") is after to (" + last + ")"));
            } else if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
                errors.add(new FieldError("?from", "a window is at most " + MAX_DAYS + " days; this one has "
                        + (ChronoUnit.DAYS.between(first, last) + 1)));
            }
        }
        long cap = number(limit, "?limit", DEFAULT_LIMIT, MAX_LIMIT, errors);
        long ex = number(examples, "?examples", DEFAULT_EXAMPLES, MAX_EXAMPLES, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new Checked(first, last, new AuditedSituations.Window(first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), blankToNull(region),
                blankToNull(eventType)), cap, (int) ex);
    }

    private static LocalDate date(String text, String pointer, LocalDate fallback, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return IsoDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(pointer, "'" + QuotedInput.shorten(text) + "' is not a date like 2026-07-01"));
            return null;
        }
    }

    private static long number(String text, String pointer, long fallback, long max, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(text.trim());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        errors.add(new FieldError(pointer, "must be a whole number from 1 to " + max + ", not '"
                + QuotedInput.shorten(text) + "'"));
        return fallback;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
