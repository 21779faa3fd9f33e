package org.beacon.service.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Test-only faults that crash and failure tests inject ({@code beacon.fault-injection.*}, all off by default): a pause
 * inside an upload's or an activation's transaction, just before its commit, so a test can kill the process there;
 * a replay that fails after a number of steps; a pause in an audit export between its verified file and deleting
 * its rows; a pause in a replay once it has decided its first region, with its
 * part files open, so a test can kill the process there; a pause inside a compile's turn, so a test can take every
 * turn; a compile that fills the heap until it runs out, so a test can see what the process does then.
 *
 * <p>They take effect only when the file {@value #ALLOWED_MARKER} is on the class path. Only the test resources
 * have it, never the packaged service, so a {@code beacon.fault-injection.*} property left in a production
 * configuration cannot make it pause or fail: it is ignored with a warning.
 */
@Component
public class FaultInjection {

    static final String ALLOWED_MARKER = "beacon-fault-injection.allowed";

    private static final Logger log = LoggerFactory.getLogger(FaultInjection.class);

    private final Duration uploadPause;
    private final Duration activationPause;
    private final long replayFailureAfterSteps;
    private final Duration replayPause;
    private final Duration compilePause;
    private final boolean compileExhaustsHeap;
    private final long retentionPauseAfterBatches;

    @Autowired
    FaultInjection(@Value("${beacon.fault-injection.upload-pause:0s}") Duration uploadPause,
            @Value("${beacon.fault-injection.activation-pause:0s}") Duration activationPause,
            @Value("${beacon.fault-injection.replay-failure-after-steps:-1}") long replayFailureAfterSteps,
            @Value("${beacon.fault-injection.replay-pause:0s}") Duration replayPause,
            @Value("${beacon.fault-injection.compile-pause:0s}") Duration compilePause,
            @Value("${beacon.fault-injection.compile-exhausts-heap:false}") boolean compileExhaustsHeap,
            @Value("${beacon.fault-injection.retention-pause-after-batches:-1}") long retentionPauseAfterBatches) {
        this(uploadPause, activationPause, replayFailureAfterSteps, replayPause, compilePause, compileExhaustsHeap,
                retentionPauseAfterBatches, FaultInjection.class.getClassLoader());
    }

    /** @param classPath where to look for {@value #ALLOWED_MARKER} */
    FaultInjection(Duration uploadPause, Duration activationPause, long replayFailureAfterSteps, Duration replayPause,
            Duration compilePause, boolean compileExhaustsHeap, long retentionPauseAfterBatches,
            ClassLoader classPath) {
        boolean requested = !uploadPause.isZero() || !activationPause.isZero() || replayFailureAfterSteps >= 0
                || !replayPause.isZero() || !compilePause.isZero() || compileExhaustsHeap
                || retentionPauseAfterBatches >= 0;
        boolean allowed = classPath.getResource(ALLOWED_MARKER) != null;
        if (requested && !allowed) {
            log.warn("beacon.fault-injection.* is set but ignored: fault injection is for the service's own tests "
                    + "and is never active outside them");
        }
        this.uploadPause = allowed ? uploadPause : Duration.ZERO;
        this.activationPause = allowed ? activationPause : Duration.ZERO;
        this.replayFailureAfterSteps = allowed ? replayFailureAfterSteps : -1;
        this.replayPause = allowed ? replayPause : Duration.ZERO;
        this.compilePause = allowed ? compilePause : Duration.ZERO;
        this.compileExhaustsHeap = allowed && compileExhaustsHeap;
        this.retentionPauseAfterBatches = allowed ? retentionPauseAfterBatches : -1;
    }

    /** No fault at all, for code built outside Spring (tests of one feature). */
    public static FaultInjection none() {
        return new FaultInjection(Duration.ZERO, Duration.ZERO, -1, Duration.ZERO, Duration.ZERO, false, -1,
                FaultInjection.class.getClassLoader());
    }

    /** Waits {@code beacon.fault-injection.upload-pause} inside the transaction that stores version {@code id}. */
    public void pauseUpload(String id) {
        pause(uploadPause, "the upload of " + id, " before its commit");
    }

    /** Waits {@code beacon.fault-injection.activation-pause} inside the transaction that activates {@code id}. */
    public void pauseActivation(String id) {
        pause(activationPause, "the activation of " + id, " before its commit");
    }

    /**
     * Inside a compile's turn: waits {@code beacon.fault-injection.compile-pause}, then, with {@code
     * beacon.fault-injection.compile-exhausts-heap}, allocates until the heap is exhausted.
     */
    public void insideCompile(String what) {
        pause(compilePause, "the compile of " + what, " in its turn");
        if (compileExhaustsHeap) {
            log.warn("fault injection: the compile of {} fills the heap until it runs out", what);
            List<long[]> hog = new ArrayList<>();
            while (hog.size() >= 0) {
                hog.add(new long[1 << 20]);
            }
        }
    }

    /** After how many decided steps every replay fails ({@code -1}: never). */
    public long replayFailureAfterSteps() {
        return replayFailureAfterSteps;
    }

    /**
     * Waits {@code beacon.fault-injection.replay-pause} in replay {@code id} once it has decided its first region, its
     * part files open; an interrupt (the service stopping) ends the wait.
     */
    public void pauseReplay(String id) {
        pause(replayPause, "the replay " + id, "");
    }

    /**
     * In an audit export, its file written and verified: once {@code
     * beacon.fault-injection.retention-pause-after-batches} batches of its rows are deleted (0: before the first),
     * waits for a minute, so a test can kill the process there.
     */
    public void pauseRetention(String file, long batchesDeleted) {
        if (batchesDeleted == retentionPauseAfterBatches) {
            pause(Duration.ofMinutes(1), "the audit export " + file, " after " + batchesDeleted
                    + " batches deleted");
        }
    }

    long retentionPauseAfterBatches() {
        return retentionPauseAfterBatches;
    }

    Duration replayPause() {
        return replayPause;
    }

    Duration uploadPause() {
        return uploadPause;
    }

    Duration activationPause() {
        return activationPause;
    }

    Duration compilePause() {
        return compilePause;
    }

    boolean compileExhaustsHeap() {
        return compileExhaustsHeap;
    }

    private static void pause(Duration pause, String what, String where) {
        if (pause.isZero()) {
            return;
        }
        // The crash tests wait for this line before they kill the process.
        log.warn("fault injection: pausing {} for {}{}", what, pause, where);
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
