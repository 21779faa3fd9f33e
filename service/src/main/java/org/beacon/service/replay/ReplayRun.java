package org.beacon.service.replay;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.beacon.rules.replay.DerivedIndicators;
import org.beacon.rules.replay.ReplayResult.Summary;
import org.beacon.rules.replay.Replayer;
import org.beacon.rules.replay.report.ReplayCsvWriter;
import org.beacon.rules.replay.report.ReplayReport;
import org.beacon.service.faults.FaultInjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One accepted run: replays its timeline, streams the steps to {@code steps.csv} and the report, moves both into
 * place, and records the summary; or, when anything fails, removes what it wrote and records why. Its progress is
 * read by other threads while it runs.
 */
final class ReplayRun implements Runnable {

    static final String INTERRUPTED = "interrupted by a restart: the service stopped before the replay finished; "
            + "start it again";
    private static final Logger log = LoggerFactory.getLogger(ReplayRun.class);
    private static final Duration SAVE_PROGRESS_EVERY = Duration.ofSeconds(1);

    /** What a run needs besides its plan. */
    record Context(ReplayStore store, ReplayFiles files, JsonMapper json, int threads, int chartedRegions,
            FaultInjection faults, BooleanSupplier stopping) {
    }

    private final UUID id;
    private final ReplayInputReader.Plan plan;
    private final Context context;
    private final long total;
    private volatile long done;
    private volatile Instant started;
    private Instant lastSaved = Instant.MIN;

    ReplayRun(UUID id, ReplayInputReader.Plan plan, Context context) {
        this.id = id;
        this.plan = plan;
        this.context = context;
        this.total = plan.timeline().steps();
    }

    long done() {
        return done;
    }

    /** When it started; null while queued. */
    Instant started() {
        return started;
    }

    @Override
    public void run() {
        Instant at = Instant.now();
        started = at;
        ReplayFiles.Pending out = null;
        try {
            context.store().started(id, at);
            out = context.files().begin(id);
            Summary summary = replay(out);
            out.commit();
            context.store().done(id, summary.steps(), ruleSets(summary), summaryJson(summary), Instant.now());
            log.info("replay {}: {} region-steps of {} regions in {} ms, {} transitions", id, summary.steps(),
                    summary.regions(), summary.millis(), summary.transitions().size());
        } catch (Throwable e) {
            if (out != null) {
                out.discard();
            }
            boolean stopping = context.stopping().getAsBoolean();
            if (stopping) {
                log.warn("replay {} interrupted: the service is stopping", id);
            } else {
                log.error("replay {} failed after {} of {} steps", id, done, total, e);
            }
            context.store().failed(id, done, stopping ? INTERRUPTED : "the replay failed after " + done + " of "
                    + total + " steps; the cause was logged", Instant.now());
            if (e instanceof Error error) {
                throw error;
            }
        }
    }

    private Summary replay(ReplayFiles.Pending out) throws Exception {
        ReplayReport report = new ReplayReport(context.chartedRegions());
        Replayer replayer = new Replayer(plan.arms(), plan.actual(), context.threads());
        Summary summary;
        try (Writer writer = Files.newBufferedWriter(out.steps(), StandardCharsets.UTF_8)) {
            summary = replayer.run(plan.timeline(), new ReplayCsvWriter(writer, replayer.labels(),
                    DerivedIndicators.columns(plan.timeline())), report, Replayer.Listener.onProgress(this::advance));
        }
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out.report()))) {
            report.write(summary, reportInputs(), o);
        }
        return summary;
    }

    private void advance(long stepsDone) {
        done = stepsDone;
        if (Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("replay interrupted");
        }
        if (lastSaved == Instant.MIN) {
            context.faults().pauseReplay(id.toString());
        }
        long failAfterSteps = context.faults().replayFailureAfterSteps();
        if (failAfterSteps >= 0 && stepsDone >= failAfterSteps) {
            throw new IllegalStateException("fault injection: the replay fails after " + stepsDone + " steps");
        }
        Instant now = Instant.now();
        if (Duration.between(lastSaved, now).compareTo(SAVE_PROGRESS_EVERY) >= 0) {
            lastSaved = now;
            context.store().progress(id, stepsDone, now);
        }
    }

    private Map<String, String> reportInputs() {
        ReplayInputs in = plan.inputs();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("replay", id.toString());
        m.put("timeline", in.timeline());
        m.put("timeline SHA-256", in.timelineSha256());
        if (in.actual() != null) {
            m.put("actual decisions", in.actual());
            m.put("actual decisions SHA-256", in.actualSha256());
        }
        if (in.revisions() != null) {
            m.put("known revisions", in.revisions());
            m.put("known revisions SHA-256", in.revisionsSha256());
        }
        if (in.source() != null) {
            m.put("source", in.source());
        }
        m.put("step", in.step());
        if (in.missingDays() != null) {
            m.put("missing days", in.missingDays());
        }
        if (in.eventType() != null) {
            m.put("event type", in.eventType());
        }
        m.put("level", in.level());
        for (ReplayInputs.Arm arm : in.arms()) {
            m.put("rule set: " + arm.label(), String.join(", ", arm.ruleSets()));
        }
        return m;
    }

    private static List<String> ruleSets(Summary s) {
        Set<String> ids = new LinkedHashSet<>();
        s.arms().forEach(a -> ids.addAll(a.ruleSets()));
        return List.copyOf(ids);
    }

    /** The summary record, with what its methods compute (agreement, speed) written out. */
    private String summaryJson(Summary s) {
        ObjectNode node = context.json().valueToTree(s);
        node.put("step", s.step().name().toLowerCase(Locale.ROOT));
        node.put("stepsPerSecond", Math.round(s.stepsPerSecond()));
        if (s.actual() != null && node.get("actual") instanceof ObjectNode actual) {
            actual.put("agreement", Math.round(s.actual().agreement() * 10_000) / 10_000.0);
        }
        return context.json().writeValueAsString(node);
    }
}
