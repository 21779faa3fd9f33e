package org.beacon.service.impact;

import jakarta.annotation.PreDestroy;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.impact.report.ImpactWorkbook;
import org.beacon.service.evaluation.AuditedSituations;
import org.beacon.service.impact.ImpactProblems.ImpactNotFinishedException;
import org.beacon.service.impact.ImpactProblems.ImpactRunNotFoundException;
import org.beacon.service.impact.ImpactProblems.ImpactsBusyException;
import org.beacon.service.ruleset.RuleSetRegistry;
import org.beacon.service.web.InvalidRequestException;
import org.beacon.service.web.InvalidRequestException.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Starts impact runs and answers for them. Everything that can refuse a request (the version, the window, the cap)
 * is checked before a run exists; a run takes one of a few places (one running, the others queued) on one thread of
 * its own at the lowest priority, so evaluations on the request threads go first. Runs live in memory: the newest
 * {@link #KEPT_RUNS}. Thread-safe.
 */
@Service
class ImpactService {

    static final int KEPT_RUNS = 20;
    private static final int PLACES = 3;
    private static final Logger log = LoggerFactory.getLogger(ImpactService.class);

    private final RuleSetRegistry registry;
    private final AuditedSituations audit;
    private final Semaphore free = new Semaphore(PLACES);
    private final ThreadPoolExecutor pool;
    private final Map<UUID, ImpactRun> runs = new LinkedHashMap<>();

    ImpactService(RuleSetRegistry registry, AuditedSituations audit) {
        this.registry = registry;
        this.audit = audit;
        // the semaphore bounds the queue, so the pool never rejects
        this.pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "beacon-impact-run");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }

    ImpactViews.Accepted start(String version, ImpactRequest request, String caller) {
        CompiledRuleSet after = registry.pinned(version);
        ImpactRequest.Checked checked = request.check(LocalDate.now(ZoneOffset.UTC));
        long inWindow = audit.count(checked.window());
        if (inWindow > checked.limit()) {
            throw new InvalidRequestException(List.of(new FieldError("?limit", "the window holds " + inWindow
                    + " audited decisions, more than the cap of " + checked.limit() + ": narrow it (from, to, "
                    + "region, eventType) or raise limit, up to " + ImpactRequest.MAX_LIMIT)));
        }
        if (!free.tryAcquire()) {
            throw new ImpactsBusyException(PLACES);
        }
        CompiledRuleSet before = registry.current();
        ImpactRun run = new ImpactRun(version, checked, inWindow, caller);
        keep(run);
        try {
            pool.execute(() -> {
                try {
                    run.run(audit, before, after);
                } finally {
                    free.release();
                }
            });
        } catch (RuntimeException e) {
            free.release();
            throw e;
        }
        log.info("impact run {} of {} against {} queued: {} audited decisions, for {}", run.id, version, before.id(),
                inWindow, caller);
        return new ImpactViews.Accepted(run.id, run.status(), inWindow, ImpactViews.links(version, run.id));
    }

    ImpactViews.Run find(String version, String id) {
        ImpactRun r = run(version, id);
        ImpactRequest.Checked c = r.request;
        long done = r.done();
        return new ImpactViews.Run(r.id, r.version, r.report() == null ? null : r.report().before(), r.status(),
                r.caller, r.createdAt, r.startedAt(), r.finishedAt(), new ImpactViews.Window(c.from(), c.to(),
                        c.window().regionCode(), c.window().eventType(), c.limit()),
                new ImpactViews.Progress(r.total == 0 ? 100 : (int) Math.min(100, done * 100 / r.total), done,
                        r.total), r.undecidable(), r.report(), r.error(), ImpactViews.links(version, r.id));
    }

    /** @throws ImpactNotFinishedException while the run is queued or running, or when it failed */
    byte[] workbook(String version, String id) {
        ImpactRun r = run(version, id);
        if (r.report() == null) {
            throw new ImpactNotFinishedException("impact run " + r.id + " is " + r.status() + (r.error() == null
                    ? "; its report.xlsx appears when it is done" : ": " + r.error()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("window", r.request.from() + " – " + r.request.to());
        inputs.put("undecidable (signal series not kept)", String.valueOf(r.undecidable()));
        ImpactWorkbook.write(r.report(), inputs, out);
        return out.toByteArray();
    }

    private ImpactRun run(String version, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ImpactRunNotFoundException(version, id);
        }
        ImpactRun r;
        synchronized (runs) {
            r = runs.get(uuid);
        }
        if (r == null || !r.version.equals(version)) {
            throw new ImpactRunNotFoundException(version, id);
        }
        return r;
    }

    /** Keeps the run, forgetting the oldest finished ones beyond {@link #KEPT_RUNS}. */
    private void keep(ImpactRun run) {
        synchronized (runs) {
            runs.put(run.id, run);
            Iterator<ImpactRun> oldest = runs.values().iterator();
            while (runs.size() > KEPT_RUNS && oldest.hasNext()) {
                if (oldest.next().finishedAt() != null) {
                    oldest.remove();
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
