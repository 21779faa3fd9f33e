package org.beacon.service.web;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.beacon.service.Http;
import tools.jackson.databind.JsonNode;

/**
 * Checks that every decision answered 200 is in the audit trail, naming the same version. Each worker sends its
 * situations under a region code of its own, a new one every {@link #SIZE} decisions (a slice), and remembers what
 * each decision was answered; a closed slice is compared with {@code GET /evaluations?region=} (one page) by a
 * reviewer, during the run, and then forgotten, so memory does not grow with the length of the run.
 */
final class AuditSlices {

    /** Fits one page of the audit trail (at most 500). */
    static final int SIZE = 400;

    private final String run;
    private final BlockingQueue<Slice> closed = new ArrayBlockingQueue<>(64);
    private final AtomicInteger numbers = new AtomicInteger();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong checked = new AtomicLong();

    AuditSlices(String run) {
        this.run = run;
    }

    /** Decisions sent under one region code: evaluation id → the version the answer named. */
    static final class Slice {
        final String region;
        final Map<String, String> versions = new HashMap<>();

        Slice(String region) {
            this.region = region;
        }
    }

    /** One worker's current slice. Not thread-safe: one per worker. */
    final class Writer {
        private final LoadRecorder recorder;
        private final Http reviewer;
        private Slice current;

        Writer(LoadRecorder recorder, Http reviewer) {
            this.recorder = recorder;
            this.reviewer = reviewer;
        }

        /** The region code for the next {@code n} situations (all of a batch share one). */
        String region(int n) {
            if (current == null || current.versions.size() + n > SIZE) {
                close();
                current = new Slice("L" + run + "-" + numbers.incrementAndGet());
            }
            return current.region;
        }

        void answered(String evaluationId, String ruleSetId) {
            current.versions.put(evaluationId, ruleSetId);
            answered.incrementAndGet();
        }

        /** Hands the slice to a reviewer, or checks it here when the reviewers are behind. */
        void close() {
            if (current != null && !current.versions.isEmpty() && !closed.offer(current)) {
                check(current, reviewer, recorder);
            }
            current = null;
        }
    }

    Writer writer(LoadRecorder recorder, Http reviewer) {
        return new Writer(recorder, reviewer);
    }

    /** A closed slice to check, or null. */
    Slice next() {
        return closed.poll();
    }

    /** Decisions answered 200 so far. */
    long answered() {
        return answered.get();
    }

    /** Decisions compared with the audit trail so far. */
    long checked() {
        return checked.get();
    }

    /** Compares a slice with the audit trail of its region code; each difference is a problem. */
    void check(Slice slice, Http reviewer, LoadRecorder recorder) {
        Http.Response r = recorder.call("audit-check", java.util.Set.of(),
                () -> reviewer.get("/evaluations?size=500&region=" + slice.region));
        if (r == null || r.status() != 200) {
            return;
        }
        Map<String, String> audited = new HashMap<>();
        for (JsonNode item : r.json().at("/items")) {
            audited.put(item.at("/evaluationId").asString(), item.at("/ruleSetId").asString());
        }
        if (!audited.equals(slice.versions)) {
            Map<String, String> missing = new HashMap<>(slice.versions);
            missing.keySet().removeAll(audited.keySet());
            recorder.problem("audit trail of " + slice.region + " holds " + audited.size() + " decisions, "
                    + slice.versions.size() + " were answered 200; answered but not audited: " + missing.size()
                    + (missing.isEmpty() ? "; versions differ" : " e.g. " + missing.keySet().iterator().next()));
        }
        checked.addAndGet(slice.versions.size());
    }
}
