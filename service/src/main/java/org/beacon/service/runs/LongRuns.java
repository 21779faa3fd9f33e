package org.beacon.service.runs;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.beacon.service.replay.ReplayInstance;
import org.beacon.service.web.DecisionTraffic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The bounded executor of impact runs and calibrations: one run at a time on a thread of the lowest priority (so
 * evaluations on the request threads go first), a few more queued, and none accepted beyond that. A run is stored
 * before it is queued and records how it ended; this instance vouches for its unfinished runs with a heartbeat, and
 * at start-up fails those it left behind when it stopped (under its {@link ReplayInstance} name) and those whose
 * instance went silent. Thread-safe.
 */
@Service
public class LongRuns {

    public static final String INTERRUPTED = "interrupted by a restart: the service stopped before the run "
            + "finished; start it again";
    /** One running, three waiting. */
    public static final int PLACES = 4;
    private static final Duration SAVE_PROGRESS_EVERY = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(LongRuns.class);

    /** What a finished run keeps: the JSON its GET shows as its summary, and its files (either may be null). */
    public record Result(String summaryJson, byte[] xlsx, byte[] csv) {
    }

    /** The work of a run; it reports how many of its steps are done. */
    @FunctionalInterface
    public interface Task {
        Result run(LongConsumer progress) throws Exception;
    }

    /** A run to store: its kind, the version it is about, who asked, its inputs as JSON, how many steps. */
    public record NewRun(String kind, String ruleSet, String caller, String inputsJson, long steps) {
    }

    private final StoredRuns store;
    private final String instance;
    private final Duration staleAfter;
    private final Semaphore free = new Semaphore(PLACES);
    private final ThreadPoolExecutor pool;
    private final Map<UUID, AtomicLong> active = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private final DecisionTraffic traffic;

    LongRuns(StoredRuns store, ReplayInstance instance, DecisionTraffic traffic,
            @Value("${beacon.replays.stale-after:60s}") Duration staleAfter) {
        this.store = store;
        this.traffic = traffic;
        this.instance = instance.id();
        this.staleAfter = staleAfter;
        // the semaphore bounds the queue, so the pool never rejects
        this.pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "beacon-long-run");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        if (instance.inherited()) {
            int n = store.failAll(this.instance, INTERRUPTED, Instant.now());
            if (n > 0) {
                log.warn("{} impact runs or calibrations this instance left unfinished were marked failed", n);
            }
        }
        failSilentRuns();
    }

    /**
     * Stores the run and queues it.
     *
     * @return its id
     * @throws LongRunsBusyException when every place is taken; nothing is stored then
     */
    public UUID start(NewRun r, Task task) {
        if (!free.tryAcquire()) {
            throw new LongRunsBusyException();
        }
        UUID id = UUID.randomUUID();
        AtomicLong done = new AtomicLong();
        try {
            store.insert(new StoredRuns.Row(id, r.kind(), r.ruleSet(), Instant.now(), r.caller(), StoredRuns.QUEUED,
                    r.inputsJson(), r.steps(), 0, null, null, null, null), instance);
            active.put(id, done);
            pool.execute(() -> {
                try {
                    run(id, r, task, done);
                } finally {
                    active.remove(id);
                    free.release();
                }
            });
        } catch (RuntimeException e) {
            active.remove(id);
            free.release();
            throw e;
        }
        return id;
    }

    /** Steps done: counted live while this instance runs it, else as last stored. */
    public long done(StoredRuns.Row r) {
        AtomicLong live = active.get(r.id());
        return live == null ? r.stepsDone() : Math.max(r.stepsDone(), live.get());
    }

    private void run(UUID id, NewRun r, Task task, AtomicLong done) {
        Instant[] saved = {Instant.now()};
        store.started(id, saved[0]);
        try {
            Result result = task.run(n -> {
                if (Thread.currentThread().isInterrupted() || stopping) {
                    throw new IllegalStateException("the service is stopping");
                }
                done.set(n);
                traffic.giveWay();
                Instant now = Instant.now();
                // only the run's own thread writes: progress heard on a helper thread waits for the next heartbeat
                if (Thread.currentThread().getName().equals("beacon-long-run")
                        && Duration.between(saved[0], now).compareTo(SAVE_PROGRESS_EVERY) >= 0) {
                    saved[0] = now;
                    store.progress(id, n, now);
                }
            });
            store.done(id, Math.max(done.get(), r.steps()), result, Instant.now());
            log.info("{} run {} of {} done", r.kind(), id, r.ruleSet());
        } catch (Throwable e) {
            if (stopping) {
                log.warn("{} run {} interrupted: the service is stopping", r.kind(), id);
            } else {
                log.error("{} run {} of {} failed after {} of {} steps", r.kind(), id, r.ruleSet(), done.get(),
                        r.steps(), e);
            }
            store.failed(id, done.get(), stopping ? INTERRUPTED : "the run failed after " + done.get() + " of "
                    + r.steps() + " steps; the cause was logged", Instant.now());
            if (e instanceof Error error) {
                throw error;
            }
        }
    }

    /** Vouches for this instance's runs (with their progress), then fails the runs nobody has vouched for lately. */
    @Scheduled(fixedDelayString = "${beacon.replays.heartbeat-interval:5s}")
    void heartbeat() {
        Instant now = Instant.now();
        active.forEach((id, done) -> store.progress(id, done.get(), now));
        failSilentRuns();
    }

    @PreDestroy
    void stop() {
        stopping = true;
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int n = store.failAll(instance, INTERRUPTED, Instant.now());
        if (n > 0) {
            log.warn("{} impact runs or calibrations were interrupted by the shutdown and marked failed", n);
        }
    }

    private void failSilentRuns() {
        Instant now = Instant.now();
        int n = store.failSilent(now.minus(staleAfter), INTERRUPTED, now);
        if (n > 0) {
            log.warn("{} impact runs or calibrations whose service instance stopped were marked failed", n);
        }
    }
}
