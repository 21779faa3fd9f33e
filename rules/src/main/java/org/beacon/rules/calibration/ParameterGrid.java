package org.beacon.rules.calibration;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.beacon.rules.model.Dictionary;
import org.beacon.rules.model.Message;

/**
 * Every combination of the values of some parameters, the first parameter varying slowest. Checked when made: each
 * parameter once, and no more combinations than the cap, so a sweep too large is refused before any work.
 */
public final class ParameterGrid {

    /** The default cap: 500 combinations take minutes, not hours, at the speeds in BENCHMARKS.md. */
    public static final int DEFAULT_MAX_COMBINATIONS = 500;

    private final List<ParameterRange> ranges;
    private final List<List<BigDecimal>> values = new ArrayList<>();
    private final int size;

    /** @throws RefusedSweepException when a parameter is given twice or the grid holds more than {@code max} */
    public ParameterGrid(List<ParameterRange> ranges, int max) {
        if (ranges.isEmpty()) {
            throw new RefusedSweepException("nothing", "--vary");
        }
        Set<String> names = new HashSet<>();
        long total = 1;
        for (ParameterRange r : ranges) {
            if (!names.add(r.name())) {
                throw new RefusedSweepException("twice", r.name());
            }
            total = r.size() > Long.MAX_VALUE / total ? Long.MAX_VALUE : total * r.size();
        }
        if (total > max) {
            throw new RefusedSweepException("cap", total == Long.MAX_VALUE ? "> " + Long.MAX_VALUE
                    : String.valueOf(total), describe(ranges), max);
        }
        this.ranges = List.copyOf(ranges);
        this.ranges.forEach(r -> values.add(r.values()));
        this.size = (int) total;
    }

    public List<ParameterRange> ranges() {
        return ranges;
    }

    public List<String> names() {
        return ranges.stream().map(ParameterRange::name).toList();
    }

    public List<BigDecimal> values(int parameter) {
        return values.get(parameter);
    }

    public int size() {
        return size;
    }

    /** Combination {@code index} (0 ≤ index &lt; size), by name in the grid's order. */
    public Map<String, BigDecimal> combination(int index) {
        Map<String, BigDecimal> c = new LinkedHashMap<>();
        int rest = index;
        int[] pick = new int[ranges.size()];
        for (int p = ranges.size() - 1; p >= 0; p--) {
            pick[p] = rest % values.get(p).size();
            rest /= values.get(p).size();
        }
        for (int p = 0; p < ranges.size(); p++) {
            c.put(ranges.get(p).name(), values.get(p).get(pick[p]));
        }
        return c;
    }

    /**
     * What is wrong when a varied parameter is not one of {@code declared}, as a key of the diagnostics bundle
     * ({@code phrase.sweep.unknown}) to say it in the reader's language; empty when all are.
     */
    public Optional<Message> unknownAmong(Collection<String> declared) {
        for (ParameterRange r : ranges) {
            if (!declared.contains(r.name())) {
                return Optional.of(Message.of("phrase.sweep.unknown", r.name(),
                        Dictionary.suggestion(Dictionary.closest(r.name(), declared))));
            }
        }
        return Optional.empty();
    }

    private static String describe(List<ParameterRange> ranges) {
        List<String> parts = new ArrayList<>();
        ranges.forEach(r -> parts.add(r.name() + ": " + (r.size() == Long.MAX_VALUE ? "too many" : r.size())));
        return String.join(" × ", parts);
    }
}
