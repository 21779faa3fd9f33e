package org.beacon.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Times the phases of one compile, each from the end of the one before: the compiler reports where its time goes
 * itself, so nothing outside it needs to repeat its steps to measure them. Used by one compile on one thread.
 */
final class PhaseClock {

    private final List<Compilation.Phase> phases = new ArrayList<>();
    private long mark = System.nanoTime();

    /** Ends the phase {@code name} now. */
    void lap(String name) {
        long now = System.nanoTime();
        phases.add(new Compilation.Phase(name, Duration.ofNanos(Math.max(0, now - mark))));
        mark = now;
    }

    List<Compilation.Phase> phases() {
        return List.copyOf(phases);
    }
}
