package org.beacon.service.web;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Heap in use right after a full collection, sampled at a fixed interval while a load runs: what the application
 * (and the test, which shares its JVM) keeps, garbage not counted. The explicit collection is what makes a sample
 * comparable with the next; a collection's own notification would count old garbage not yet collected. Thread-safe.
 */
final class HeapSamples implements AutoCloseable {

    /** @param second seconds since the load began; {@code mb} heap used after the collection */
    record Sample(double second, double mb) {
    }

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "load-heap-samples");
        t.setDaemon(true);
        return t;
    });
    private final long started = System.nanoTime();

    HeapSamples(Duration every) {
        timer.scheduleWithFixedDelay(this::sample, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void sample() {
        memory.gc();
        double mb = memory.getHeapMemoryUsage().getUsed() / 1048576.0;
        synchronized (samples) {
            samples.add(new Sample((System.nanoTime() - started) / 1e9, mb));
        }
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /**
     * The lowest sample of the last quarter of the run minus the lowest of its second quarter (the first quarter is
     * warm-up: connection pools, caches and the JIT fill then). The lowest, because a leak raises the floor, while
     * work in progress at the moment of a sample (an upload being compiled holds hundreds of MB) raises that sample
     * only. A leak shows as a figure that grows with the run's length; a bounded heap stays near zero.
     */
    static double growth(List<Sample> samples, double seconds) {
        return min(samples, seconds * 0.75, Double.MAX_VALUE) - min(samples, seconds * 0.25, seconds * 0.5);
    }

    private static double min(List<Sample> samples, double from, double to) {
        return samples.stream().filter(s -> s.second() >= from && s.second() < to).mapToDouble(Sample::mb).min()
                .orElseThrow(() -> new IllegalStateException("no heap sample between " + from + " and " + to
                        + " s: sample more often"));
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
