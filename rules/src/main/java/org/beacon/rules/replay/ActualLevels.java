package org.beacon.rules.replay;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.Message;

/**
 * What officials actually decided: a CSV of level changes per region. Columns {@code region} (or
 * {@code province_code}), {@code date} (or {@code effective_date}) and {@code level} (or {@code to_level}: Ⅰ–Ⅳ, I–IV,
 * 1–4; empty or {@code none} when the response ended). Other columns are kept for the reader, not used.
 */
public final class ActualLevels {

    /** One change: from this date on, this level (null: no response). */
    public record Change(String region, LocalDate date, Grade from, Grade to) {
    }

    private final Map<String, List<Change>> byRegion;

    private ActualLevels(Map<String, List<Change>> byRegion) {
        this.byRegion = byRegion;
    }

    public static ActualLevels none() {
        return new ActualLevels(Map.of());
    }

    /** @throws ReplayInputException naming each bad line */
    public static ActualLevels read(Reader reader, String file) {
        List<DataIssue> errors = new ArrayList<>();
        Map<String, List<Change>> byRegion = new LinkedHashMap<>();
        try (CSVParser parser = CSVParser.builder().setReader(TimelineCsv.withoutByteOrderMark(reader))
                .setFormat(InputCells.format()).get()) {
            Map<String, Integer> header = new LinkedHashMap<>();
            List<String> names = parser.getHeaderNames().stream().map(String::trim).toList();
            for (int i = 0; i < names.size(); i++) {
                header.put(names.get(i).toLowerCase(Locale.ROOT), i);
            }
            Integer region = first(header, "region", "province_code");
            Integer date = first(header, "date", "effective_date");
            Integer level = first(header, "level", "to_level");
            if (region == null || date == null || level == null) {
                throw new ReplayInputException(List.of(DataIssue.error(file + ":1",
                        Message.of("replay.MISSING_COLUMN.actual"))));
            }
            InputCells cells = new InputCells(file, names, errors);
            for (CSVRecord row : parser) {
                if (!cells.consistent(row)) {
                    continue;
                }
                String code = cells.text(row, region, InputCells.MAX_REGION_CODE);
                LocalDate d = cells.date(row, date);
                String text = InputCells.cell(row, level);
                Optional<Grade> g = Grade.parse(text);
                if (g.isEmpty() && !text.isEmpty() && !text.equalsIgnoreCase("none")) {
                    cells.refuse(row, level, Message.of("replay.INVALID_VALUE.level", InputCells.shorten(text)));
                } else if (code != null && d != null) {
                    byRegion.computeIfAbsent(code, k -> new ArrayList<>()).add(new Change(code, d, null,
                            g.orElse(null)));
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new ReplayInputException(List.of(DataIssue.error(file,
                    Message.of("replay.INVALID_VALUE.invalidCsv", e.getMessage()))));
        }
        if (!errors.isEmpty()) {
            throw new ReplayInputException(errors);
        }
        return new ActualLevels(chained(byRegion));
    }

    /** Each region's changes in date order, each knowing the level it changed from. */
    private static Map<String, List<Change>> chained(Map<String, List<Change>> byRegion) {
        Map<String, List<Change>> sorted = new LinkedHashMap<>();
        byRegion.forEach((r, list) -> {
            list.sort((a, b) -> a.date().compareTo(b.date()));
            List<Change> chained = new ArrayList<>();
            Grade previous = null;
            for (Change c : list) {
                chained.add(new Change(r, c.date(), previous, c.to()));
                previous = c.to();
            }
            sorted.put(r, Collections.unmodifiableList(chained));
        });
        return sorted;
    }

    private static Integer first(Map<String, Integer> header, String... names) {
        for (String n : names) {
            if (header.containsKey(n)) {
                return header.get(n);
            }
        }
        return null;
    }

    public boolean covers(String region) {
        return byRegion.containsKey(region);
    }

    public boolean isEmpty() {
        return byRegion.isEmpty();
    }

    public List<Change> changes(String region) {
        return byRegion.getOrDefault(region, List.of());
    }

    /** The level in force on {@code date}: the last change on or before it; null before the first. */
    public Grade levelOn(String region, LocalDate date) {
        Grade level = null;
        for (Change c : changes(region)) {
            if (c.date().isAfter(date)) {
                break;
            }
            level = c.to();
        }
        return level;
    }

    /**
     * Each actual change in {@code region} against the nearest change of arm {@code first} to the same level in
     * the same direction (a lowering to Ⅲ is not matched by a raise to Ⅲ).
     */
    public List<ReplayResult.ActualCheck> compare(String region, List<ReplayResult.Transition> transitions,
            String first) {
        List<ReplayResult.ActualCheck> out = new ArrayList<>();
        for (Change c : changes(region)) {
            ReplayResult.Transition best = null;
            Set<String> kinds = c.to() == null ? Set.of("end")
                    : c.from() == null || c.to().isMoreSeriousThan(c.from()) ? Set.of("activate", "raise")
                    : Set.of("lower");
            for (ReplayResult.Transition t : transitions) {
                if (t.arm().equals(first) && t.to() == c.to() && kinds.contains(t.kind()) && (best == null
                        || Math.abs(ChronoUnit.DAYS.between(c.date(), t.date()))
                        < Math.abs(ChronoUnit.DAYS.between(c.date(), best.date())))) {
                    best = t;
                }
            }
            String target = c.to() == null ? "the end of the response" : "level " + c.to().numeral();
            if (best == null) {
                out.add(new ReplayResult.ActualCheck(region, c.date(), c.from(), c.to(), null, null,
                        "the tables never recommended " + target));
            } else {
                long lag = ChronoUnit.DAYS.between(c.date(), best.date());
                out.add(new ReplayResult.ActualCheck(region, c.date(), c.from(), c.to(), best.date(), lag, lag == 0
                        ? "same day" : Math.abs(lag) + " day" + (Math.abs(lag) == 1 ? "" : "s")
                        + (lag < 0 ? " earlier" : " later") + " than the actual decision"));
            }
        }
        return out;
    }
}
