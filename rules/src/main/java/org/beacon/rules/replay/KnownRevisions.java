package org.beacon.rules.replay;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.beacon.rules.model.Message;

/**
 * Revisions a reviewer knows of, to exclude from the counts: a CSV with the columns {@code region}, {@code date}
 * and optionally {@code note}. On such a day the rise of each running total ({@code cumulative…}) is taken out of
 * that day and every later one, so a re-count is never counted as new cases; the replay says so for each.
 */
public final class KnownRevisions {

    /** One known revision: the region's totals rose on this date by cases that are not new. */
    public record Revision(String region, LocalDate date, String note) {
    }

    private final List<Revision> revisions;

    private KnownRevisions(List<Revision> revisions) {
        this.revisions = List.copyOf(revisions);
    }

    public List<Revision> revisions() {
        return revisions;
    }

    /** @throws ReplayInputException naming each bad line */
    public static KnownRevisions read(Reader reader, String file) {
        List<DataIssue> errors = new ArrayList<>();
        List<Revision> out = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(TimelineCsv.withoutByteOrderMark(reader))
                .setFormat(InputCells.format()).get()) {
            List<String> names = parser.getHeaderNames().stream().map(n -> n.trim().toLowerCase(Locale.ROOT))
                    .toList();
            int region = names.indexOf("region");
            int date = names.indexOf("date");
            int note = names.indexOf("note");
            if (region < 0 || date < 0) {
                throw new ReplayInputException(List.of(DataIssue.error(file + ":1",
                        Message.of("replay.MISSING_COLUMN.revisions"))));
            }
            InputCells cells = new InputCells(file, parser.getHeaderNames(), errors);
            for (CSVRecord row : parser) {
                if (!cells.consistent(row)) {
                    continue;
                }
                String code = cells.text(row, region, InputCells.MAX_REGION_CODE);
                LocalDate d = cells.date(row, date);
                String n = note < 0 ? "" : cells.text(row, note, InputCells.MAX_LABEL);
                if (code != null && d != null && n != null) {
                    out.add(new Revision(code, d, n));
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new ReplayInputException(List.of(DataIssue.error(file,
                    Message.of("replay.INVALID_VALUE.invalidCsv", e.getMessage()))));
        }
        if (!errors.isEmpty()) {
            throw new ReplayInputException(errors);
        }
        return new KnownRevisions(out);
    }

    /**
     * The timeline with each revision's rise taken out of its running totals, a {@code KNOWN_REVISION} warning for
     * each, and no {@code POSSIBLE_REVISION} left for the days it explains.
     *
     * @throws ReplayInputException when a revision names a region or a date the timeline does not have
     */
    public Timeline applyTo(Timeline timeline, String file) {
        if (revisions.isEmpty()) {
            return timeline;
        }
        Map<String, Timeline.Series> byRegion = new LinkedHashMap<>();
        timeline.regions().forEach(s -> byRegion.put(s.regionCode(), s));
        List<DataIssue> errors = new ArrayList<>();
        List<DataIssue> notes = new ArrayList<>();
        Map<String, Map<String, double[]>> changed = new LinkedHashMap<>();
        for (Revision r : revisions) {
            Timeline.Series s = byRegion.get(r.region());
            long index = s == null || timeline.step() != Timeline.Step.DAY ? -1
                    : ChronoUnit.DAYS.between(s.start(), r.date());
            if (s == null || index < 0 || index >= s.length()) {
                errors.add(DataIssue.error(file, s == null
                        ? Message.of("replay.INVALID_VALUE.revisionNoRegion", r.region(), r.date())
                        : timeline.step() != Timeline.Step.DAY
                        ? Message.of("replay.INVALID_VALUE.revisionNotDaily", r.region(), r.date())
                        : Message.of("replay.INVALID_VALUE.revisionOutside", r.region(), r.date(), s.start(),
                                s.date(timeline.step(), s.length() - 1))));
                continue;
            }
            Map<String, double[]> columns = changed.computeIfAbsent(r.region(), k -> copy(s));
            List<Message> excluded = new ArrayList<>();
            for (Map.Entry<String, double[]> e : columns.entrySet()) {
                if (!Timeline.cumulative(e.getKey())) {
                    continue;
                }
                double[] totals = e.getValue();
                int i = (int) index;
                double rise = i == 0 || Double.isNaN(totals[i]) || Double.isNaN(totals[i - 1]) ? 0
                        : totals[i] - totals[i - 1];
                if (rise > 0) {
                    for (int k = i; k < totals.length; k++) {
                        totals[k] -= rise;
                    }
                    excluded.add(Message.of("replay.phrase.excluded", TimelineCsv.fmt(rise), e.getKey()));
                }
            }
            notes.add(DataIssue.warning(r.region() + " " + r.date(), excluded.isEmpty()
                    ? Message.of("replay.KNOWN_REVISION.nothing", note(r))
                    : Message.of("replay.KNOWN_REVISION", Message.joined("separator.items", excluded), note(r))));
        }
        if (!errors.isEmpty()) {
            throw new ReplayInputException(errors);
        }
        List<Timeline.Series> series = new ArrayList<>();
        for (Timeline.Series s : timeline.regions()) {
            Map<String, double[]> columns = changed.get(s.regionCode());
            series.add(columns == null ? s : new Timeline.Series(s.regionCode(), s.regionName(), s.level(),
                    s.eventType(), s.start(), s.length(), columns));
        }
        List<String> explained = notes.stream().filter(n -> n.detail().startsWith("excluded")).map(DataIssue::where)
                .toList();
        List<DataIssue> issues = new ArrayList<>(timeline.issues().stream().filter(i -> !(i.code().equals(
                "POSSIBLE_REVISION") && explained.contains(i.where()))).toList());
        issues.addAll(notes);
        return new Timeline(timeline.step(), series, timeline.source(), issues);
    }

    private static Map<String, double[]> copy(Timeline.Series s) {
        Map<String, double[]> columns = new LinkedHashMap<>();
        s.columns().forEach((name, values) -> columns.put(name, values.clone()));
        return columns;
    }

    /** The revision's note as the bundle shows it after the detail: " (note)", or nothing. */
    private static Message note(Revision r) {
        return r.note().isEmpty() ? Message.word("nothing") : Message.of("replay.phrase.note", r.note());
    }
}
