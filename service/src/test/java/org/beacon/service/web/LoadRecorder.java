package org.beacon.service.web;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.beacon.service.Http;

/**
 * What one phase of a load run met, by kind of request: how many answers of each status, their latencies, and every
 * unexpected answer or wrong content (the first few kept whole for the failure message). Memory stays the same
 * however long the run: latencies go into Micrometer timers, not lists. Also stops the phase: at its deadline, or
 * when its request budget is spent, whichever comes first. Thread-safe.
 */
final class LoadRecorder {

    private static final int KEPT_PROBLEMS = 40;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Map<String, Timer> timers = new ConcurrentSkipListMap<>();
    private final Map<String, Map<Integer, LongAdder>> statuses = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> items = new ConcurrentHashMap<>();
    private final LongAdder problems = new LongAdder();
    private final List<String> kept = new ArrayList<>();
    private final AtomicLong budget;
    private final long deadline;
    private final long started = System.nanoTime();
    private volatile long ended;

    LoadRecorder(Duration length, long maxRequests) {
        this.deadline = started + length.toNanos();
        this.budget = new AtomicLong(maxRequests);
    }

    /** True until the deadline, or until the request budget is spent. */
    boolean running() {
        boolean on = System.nanoTime() < deadline && budget.get() > 0;
        if (!on && ended == 0) {
            ended = System.nanoTime();
        }
        return on;
    }

    /** Sleeps, but not past the deadline. */
    void pause(long millis) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        try {
            Thread.sleep(Math.max(0, Math.min(millis, left)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sends a request and tallies its answer. 2xx and the {@code legitimate} statuses are expected; anything else, or
     * an IO error, is a problem. Returns null after an IO error.
     */
    Http.Response call(String kind, Set<Integer> legitimate, Supplier<Http.Response> request) {
        budget.decrementAndGet();
        long t0 = System.nanoTime();
        Http.Response r;
        try {
            r = request.get();
        } catch (UncheckedIOException e) {
            problem(kind + ": " + e.getCause());
            return null;
        }
        timer(kind).record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
        statuses.computeIfAbsent(kind, k -> new ConcurrentSkipListMap<>())
                .computeIfAbsent(r.status(), s -> new LongAdder()).increment();
        if (r.status() / 100 != 2 && !legitimate.contains(r.status())) {
            problem(kind + " answered " + r.status() + ": " + r.body().substring(0, Math.min(600, r.body().length())));
        }
        return r;
    }

    /** Counts situations decided, replays finished … (things that are not requests). */
    void count(String what, long n) {
        items.computeIfAbsent(what, k -> new LongAdder()).add(n);
    }

    long counted(String what) {
        LongAdder a = items.get(what);
        return a == null ? 0 : a.sum();
    }

    void problem(String what) {
        problems.increment();
        synchronized (kept) {
            if (kept.size() < KEPT_PROBLEMS) {
                kept.add(what);
            }
        }
    }

    long problems() {
        return problems.sum();
    }

    List<String> keptProblems() {
        synchronized (kept) {
            return List.copyOf(kept);
        }
    }

    long answered(String kind, int status) {
        Map<Integer, LongAdder> s = statuses.get(kind);
        LongAdder a = s == null ? null : s.get(status);
        return a == null ? 0 : a.sum();
    }

    double seconds() {
        return ((ended == 0 ? System.nanoTime() : ended) - started) / 1e9;
    }

    /** One line per kind: requests, per second, latency percentiles, statuses. */
    List<String> table() {
        List<String> lines = new ArrayList<>();
        lines.add("| kind | requests | per s | p50 ms | p95 ms | p99 ms | max ms | statuses |");
        lines.add("|---|---:|---:|---:|---:|---:|---:|---|");
        double s = seconds();
        timers.forEach((kind, t) -> {
            Map<Double, Double> p = new TreeMap<>();
            for (ValueAtPercentile v : t.takeSnapshot().percentileValues()) {
                p.put(v.percentile(), v.value(TimeUnit.MILLISECONDS));
            }
            lines.add(String.format("| %s | %,d | %,.1f | %.1f | %.1f | %.1f | %.0f | %s |", kind, t.count(),
                    t.count() / s, p.get(0.5), p.get(0.95), p.get(0.99), t.max(TimeUnit.MILLISECONDS),
                    statuses.getOrDefault(kind, Map.of())));
        });
        return lines;
    }

    private Timer timer(String kind) {
        return timers.computeIfAbsent(kind, k -> Timer.builder("load").tag("kind", k)
                .publishPercentiles(0.5, 0.95, 0.99).percentilePrecision(2)
                // the whole phase, not Micrometer's default two-minute window
                .distributionStatisticExpiry(Duration.ofDays(1)).distributionStatisticBufferLength(1)
                .register(meters));
    }
}
