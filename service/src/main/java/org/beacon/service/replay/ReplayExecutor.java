package org.beacon.service.replay;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Runs replays a few at a time. A caller first {@link #reserve() reserves} a place (running or queued), then stores
 * its run and hands it over; when every place is taken the reservation fails at once, before anything is stored.
 * Thread-safe.
 */
@Component
class ReplayExecutor {

    private final int places;
    private final Semaphore free;
    private final ThreadPoolExecutor pool;

    ReplayExecutor(ReplayProperties properties) {
        this.places = properties.concurrentRuns() + properties.queueSize();
        this.free = new Semaphore(places);
        AtomicInteger n = new AtomicInteger();
        // the semaphore bounds the queue, so the pool never rejects
        this.pool = new ThreadPoolExecutor(properties.concurrentRuns(), properties.concurrentRuns(), 0,
                TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "beacon-replay-run-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** A place for one run: {@link #run} it or {@link #cancel} it, once. */
    final class Place {
        private boolean used;

        void run(Runnable task) {
            use();
            pool.execute(() -> {
                try {
                    task.run();
                } finally {
                    free.release();
                }
            });
        }

        void cancel() {
            use();
            free.release();
        }

        private synchronized void use() {
            if (used) {
                throw new IllegalStateException("this place was already used");
            }
            used = true;
        }
    }

    /** @throws ReplaysBusyException when all places are taken */
    Place reserve() {
        if (!free.tryAcquire()) {
            throw new ReplaysBusyException(places);
        }
        return new Place();
    }

    /** Interrupts the runs and waits a little for them to record how they ended. */
    void stop() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
