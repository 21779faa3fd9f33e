package org.beacon.service.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The decisions being answered right now (evaluations, batches, risk maps), so that long runs can give way to them.
 * A long run (impact, calibration) decides thousands of situations on a thread of the lowest priority, but Linux
 * ignores Java thread priorities: measured on 2 cores, a single evaluation's median latency grew 4× while an impact
 * run was deciding. A long run therefore asks {@link #giveWay()} between two steps and pauses while a decision is in
 * flight — cooperative priority, bounded so that a service under constant load still finishes its long runs.
 */
@Component
public class DecisionTraffic extends OncePerRequestFilter {

    /** The longest a long run waits at one step; under constant load it then advances one step per wait. */
    static final Duration MOST_WAITED_PER_STEP = Duration.ofMillis(20);
    private static final long PAUSE_NANOS = Duration.ofMillis(1).toNanos() / 4;

    private final AtomicInteger inFlight = new AtomicInteger();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/evaluations") || path.startsWith("/risk-map"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        inFlight.incrementAndGet();
        try {
            chain.doFilter(request, response);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** True while some decision request is being answered. */
    public boolean busy() {
        return inFlight.get() > 0;
    }

    /** Pauses the calling long run while decisions are in flight, at most {@link #MOST_WAITED_PER_STEP}. */
    public void giveWay() {
        long deadline = System.nanoTime() + MOST_WAITED_PER_STEP.toNanos();
        while (busy() && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(PAUSE_NANOS);
        }
    }
}
