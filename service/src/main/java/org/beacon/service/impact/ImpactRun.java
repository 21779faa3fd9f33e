package org.beacon.service.impact;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.impact.ImpactComparison;
import org.beacon.rules.impact.ImpactReport;
import org.beacon.service.evaluation.AuditedSituations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One impact run: the window's audited situations decided with both versions, counted as they stream. Its state is
 * read by requests while the executor's thread writes it, hence the volatile fields. Rows whose signal series the
 * audit did not keep are counted, not decided.
 */
final class ImpactRun {

    private static final Logger log = LoggerFactory.getLogger(ImpactRun.class);

    final UUID id = UUID.randomUUID();
    final String version;
    final ImpactRequest.Checked request;
    final Instant createdAt = Instant.now();
    final long total;
    final String caller;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong undecidable = new AtomicLong();
    private volatile String status = "queued";
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile ImpactReport report;
    private volatile String error;

    ImpactRun(String version, ImpactRequest.Checked request, long total, String caller) {
        this.version = version;
        this.request = request;
        this.total = total;
        this.caller = caller;
    }

    void run(AuditedSituations audit, CompiledRuleSet before, CompiledRuleSet after) {
        startedAt = Instant.now();
        status = "running";
        try {
            ImpactComparison impact = new ImpactComparison(before, after, request.examples());
            audit.forEach(request.window(), request.limit(), a -> {
                if (Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("the service is stopping");
                }
                if (a.situation() == null) {
                    undecidable.incrementAndGet();
                } else {
                    impact.add(a.id().toString(), a.situation());
                }
                done.incrementAndGet();
            });
            report = impact.report();
            status = "done";
        } catch (RuntimeException e) {
            log.error("impact run {} of {} failed", id, version, e);
            error = "the run failed: " + (e instanceof IllegalStateException ? e.getMessage() : "see the log");
            status = "failed";
        } finally {
            finishedAt = Instant.now();
        }
    }

    String status() {
        return status;
    }

    long done() {
        return done.get();
    }

    long undecidable() {
        return undecidable.get();
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    ImpactReport report() {
        return report;
    }

    String error() {
        return error;
    }
}
