package org.beacon.service.replay;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A finished run's regions, read back from its {@code steps.csv}: the list a reviewer picks from (by code, searched
 * by code or name, paged: a run of 3,000 regions is never listed or drawn at once) and one region's series for a
 * chart. The file is scanned once per run to note where each region's rows are; later reads seek to them. A finished
 * run's file never changes, so the index of the last few runs read is kept.
 *
 * <p>Thread-safe: the index cache is synchronized; indexes are immutable.
 */
@Component
class ReplayRegions {

    /** Indicators a chart shows, in this order, when the run has them: the ones the escalation rows test. */
    static final List<String> CHARTED = List.of("newCases", "newCases7d", "ratio5yMean", "cases");
    private static final int CACHED_RUNS = 8;

    /** Where one region's rows are in the file (its first row's offset to its last row's end). */
    private record Entry(String code, String name, long from, long to, int steps) {
    }

    /**
     * A run's header and its regions.
     *
     * @param byCode the regions sorted by code: the file has them in the order their threads finished
     */
    private record Index(List<String> header, Map<String, Entry> regions, List<Entry> byCode) {
    }

    private final Map<Path, Index> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Index> eldest) {
            return size() > CACHED_RUNS;
        }
    };

    /** The regions whose code or name contains {@code query} (any case; blank: all), by code, a page of them. */
    ReplayViews.Regions regions(Path steps, String query, int page, int size) {
        Index index = index(steps);
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        List<ReplayViews.Region> matching = index.byCode().stream()
                .filter(e -> q.isEmpty() || e.code().toLowerCase(Locale.ROOT).contains(q)
                        || e.name().toLowerCase(Locale.ROOT).contains(q))
                .map(e -> new ReplayViews.Region(e.code(), e.name(), e.steps())).toList();
        int from = (int) Math.min(matching.size(), (long) page * size);
        return new ReplayViews.Regions(page, size, matching.size(),
                matching.subList(from, Math.min(matching.size(), from + size)));
    }

    /** One region's dates, charted indicators, each arm's level and the actual level; null for a region not run. */
    ReplayViews.Series series(Path steps, String region) {
        Index index = index(steps);
        Entry e = index.regions().get(region);
        if (e == null) {
            return null;
        }
        List<String> header = index.header();
        Map<String, Integer> indicators = new LinkedHashMap<>();
        for (String name : CHARTED) {
            int i = header.indexOf(name);
            if (i >= 0) {
                indicators.put(name, i);
            }
        }
        List<Integer> levelColumns = new ArrayList<>();
        List<String> arms = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            if (h.equals("level") || h.endsWith(".level")) {
                levelColumns.add(i);
                arms.add(h.equals("level") ? null : h.substring(0, h.length() - ".level".length()));
            }
        }
        int actualColumn = header.indexOf("actualLevel");
        List<String> dates = new ArrayList<>();
        Map<String, List<Double>> values = new LinkedHashMap<>();
        indicators.keySet().forEach(n -> values.put(n, new ArrayList<>()));
        List<List<String>> levels = new ArrayList<>();
        levelColumns.forEach(c -> levels.add(new ArrayList<>()));
        List<String> actual = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(steps)) {
            channel.position(e.from());
            lines(Channels.newInputStream(channel), e.from(), e.to(), (cells, end) -> {
                if (cells.isEmpty() || !cells.get(0).equals(region)) {
                    return;
                }
                dates.add(cell(cells, 2));
                indicators.forEach((n, i) -> values.get(n).add(number(cell(cells, i))));
                for (int k = 0; k < levelColumns.size(); k++) {
                    levels.get(k).add(blankToNull(cell(cells, levelColumns.get(k))));
                }
                actual.add(actualColumn < 0 ? null : blankToNull(cell(cells, actualColumn)));
            });
        } catch (IOException x) {
            throw new UncheckedIOException("cannot read " + steps, x);
        }
        List<ReplayViews.ArmLevels> armLevels = new ArrayList<>();
        for (int k = 0; k < arms.size(); k++) {
            armLevels.add(new ReplayViews.ArmLevels(arms.get(k), levels.get(k)));
        }
        return new ReplayViews.Series(e.code(), e.name(), dates, values, armLevels,
                actualColumn < 0 ? null : actual);
    }

    private Index index(Path steps) {
        synchronized (cache) {
            Index known = cache.get(steps);
            if (known != null) {
                return known;
            }
        }
        Index built = scan(steps);
        synchronized (cache) {
            cache.put(steps, built);
        }
        return built;
    }

    /** One pass over the file: its header, and each region's first and last row. */
    private static Index scan(Path steps) {
        Map<String, Entry> regions = new LinkedHashMap<>();
        List<List<String>> header = new ArrayList<>();
        long[] start = {0};
        try (InputStream in = Files.newInputStream(steps)) {
            lines(in, 0, Long.MAX_VALUE, (cells, end) -> {
                if (header.isEmpty()) {
                    header.add(cells);
                } else if (!cells.isEmpty()) {
                    String code = cells.get(0);
                    Entry e = regions.get(code);
                    regions.put(code, e == null ? new Entry(code, cell(cells, 1), start[0], end, 1)
                            : new Entry(code, e.name(), e.from(), end, e.steps() + 1));
                }
                start[0] = end;
            });
        } catch (IOException x) {
            throw new UncheckedIOException("cannot read " + steps, x);
        }
        return new Index(header.isEmpty() ? List.of() : header.get(0), regions, regions.values().stream()
                .sorted(java.util.Comparator.comparing(Entry::code)).toList());
    }

    /** What is done with each line: its cells, and the file offset just after it. */
    private interface LineReader {
        void line(List<String> cells, long end);
    }

    /** Reads lines from {@code in}, which is at file offset {@code from}, up to offset {@code to}. */
    private static void lines(InputStream raw, long from, long to, LineReader each) throws IOException {
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        long at = from;
        int b;
        while (at < to && (b = in.read()) >= 0) {
            at++;
            if (b != '\n') {
                line.write(b);
                continue;
            }
            each.line(CsvLine.cells(line.toString(StandardCharsets.UTF_8)), at);
            line.reset();
        }
    }

    private static String cell(List<String> cells, int i) {
        return i < cells.size() ? cells.get(i) : "";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** A number as written, or null for an empty cell (a gap in the line, not a zero). */
    private static Double number(String s) {
        String t = s.startsWith("'") ? s.substring(1) : s;
        if (t.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
