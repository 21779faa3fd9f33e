package org.beacon.rules;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Times the phases of one compile, each from the end of the one before, in wall-clock time and in CPU time of the
 * compiling thread: the compiler reports where its time goes itself, so nothing outside it needs to repeat its steps
 * to measure them, and the CPU time says what the phase cost even when other processes share the cores. Used by one
 * compile on one thread.
 */
final class PhaseClock {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final List<Compilation.Phase> phases = new ArrayList<>();
    private long mark = System.nanoTime();
    private long cpuMark = cpuNow();

    /** Ends the phase {@code name} now. */
    void lap(String name) {
        long now = System.nanoTime();
        long cpu = cpuNow();
        phases.add(new Compilation.Phase(name, Duration.ofNanos(Math.max(0, now - mark)),
                Duration.ofNanos(Math.max(0, cpu - cpuMark))));
        mark = now;
        cpuMark = cpu;
    }

    List<Compilation.Phase> phases() {
        return List.copyOf(phases);
    }

    /** This thread's CPU time, or 0 throughout where the JVM does not measure it. */
    private static long cpuNow() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? Math.max(0, THREADS.getCurrentThreadCpuTime()) : 0;
    }
}
