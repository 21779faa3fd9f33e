package org.beacon.service.replay;

import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.beacon.service.web.Paging;
import org.beacon.service.faults.FaultInjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts replays, runs them on the {@link ReplayExecutor}, and answers for them. A run is stored only once its
 * inputs are known to be replayable and a place is free. Each instance vouches for its queued and running runs with a
 * heartbeat; runs nobody vouches for (their instance crashed or was restarted) are marked failed, at start-up and
 * periodically, so none stays "running" for ever. An instance restarted on its data folder does not wait for that:
 * it fails at once the runs it left unfinished under its {@link ReplayInstance} name, and deletes the part files of
 * runs that are over.
 */
@Service
public class ReplayService {

    private static final Logger log = LoggerFactory.getLogger(ReplayService.class);

    private final ReplayStore store;
    private final ReplayExecutor executor;
    private final ReplayInputReader reader;
    private final ReplayFiles files;
    private final ReplayRegions regions;
    private final JsonMapper json;
    private final ReplayProperties properties;
    private final ReplayRun.Context context;
    private final String instance;
    private final Map<UUID, ReplayRun> active = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    ReplayService(ReplayStore store, ReplayExecutor executor, ReplayInputReader reader, ReplayFiles files,
            JsonMapper json, ReplayProperties properties, FaultInjection faults, ReplayInstance instance,
            ReplayRegions regions) {
        this.regions = regions;
        this.store = store;
        this.executor = executor;
        this.reader = reader;
        this.files = files;
        this.json = json;
        this.properties = properties;
        this.context = new ReplayRun.Context(store, files, json, properties.threads(), properties.chartedRegions(),
                faults, () -> stopping);
        this.instance = instance.id();
        if (instance.inherited()) {
            int n = store.failAll(this.instance, ReplayRun.INTERRUPTED, Instant.now());
            if (n > 0) {
                log.warn("{} replays this instance left queued or running when it stopped were marked failed", n);
            }
        }
        failSilentRuns();
        removeLeftovers();
    }

    public ReplayViews.Accepted start(ReplayRequest request, String caller) {
        ReplayInputReader.Plan plan = reader.read(request);
        ReplayExecutor.Place place = executor.reserve();
        UUID id = UUID.randomUUID();
        ReplayInputs in = plan.inputs();
        Set<String> ruleSets = new LinkedHashSet<>();
        in.arms().forEach(a -> ruleSets.addAll(a.ruleSets()));
        try {
            store.insert(new ReplayStore.Row(id, Instant.now(), caller, ReplayStore.QUEUED, in.timeline(),
                    in.timelineSha256(), in.actual(), in.actualSha256(), List.copyOf(ruleSets),
                    json.writeValueAsString(in), plan.timeline().steps(), 0, null, null, null, null), instance);
        } catch (RuntimeException e) {
            place.cancel();
            throw e;
        }
        ReplayRun run = new ReplayRun(id, plan, context);
        active.put(id, run);
        place.run(() -> {
            try {
                run.run();
            } finally {
                active.remove(id);
            }
        });
        log.info("replay {} queued: {} ({} region-steps) for {}", id, in.timeline(), plan.timeline().steps(), caller);
        return new ReplayViews.Accepted(id, ReplayStore.QUEUED, ReplayViews.links(id));
    }

    /** The example timelines and actual-decision files a request may name ({@code examples/timelines/}). */
    public List<String> examples() {
        return reader.examples();
    }

    public ReplayViews.Run find(String idText) {
        ReplayStore.Row r = row(idText);
        long done = r.stepsDone();
        ReplayRun live = active.get(r.id());
        if (live != null) {
            done = Math.max(done, live.done());
        }
        JsonNode summary = null;
        Double perSecond = null;
        if (r.status().equals(ReplayStore.DONE) && r.summaryJson() != null) {
            summary = json.readTree(r.summaryJson());
            perSecond = summary.path("stepsPerSecond").asDouble();
        } else if (r.status().equals(ReplayStore.RUNNING) && r.startedAt() != null) {
            long millis = Duration.between(r.startedAt(), Instant.now()).toMillis();
            perSecond = millis <= 0 ? null : (double) Math.round(done * 1000.0 / millis);
        }
        Long secondsLeft = r.status().equals(ReplayStore.RUNNING) && perSecond != null && perSecond > 0
                ? (long) Math.ceil(Math.max(0, r.stepsTotal() - done) / perSecond) : null;
        ReplayViews.Progress progress = new ReplayViews.Progress(percent(done, r.stepsTotal()), done, r.stepsTotal(),
                perSecond, secondsLeft);
        return new ReplayViews.Run(r.id(), r.status(), r.createdAt(), r.caller(), r.startedAt(), r.finishedAt(),
                progress, json.readTree(r.inputsJson()), summary, r.error(), ReplayViews.links(r.id()));
    }

    public ReplayViews.Page list(int page, int size) {
        Paging.check(page, size);
        List<ReplayViews.Item> items = store.page(page, size).stream().map(r -> new ReplayViews.Item(r.id(),
                r.status(), r.createdAt(), r.finishedAt(), r.caller(), r.timelineName(), r.timelineSha256(),
                r.actualName(), r.ruleSets(), r.stepsTotal(), r.error())).toList();
        return new ReplayViews.Page(page, size, store.count(), items);
    }

    /**
     * A finished run's regions whose code or name contains {@code query}, a page of them.
     *
     * @throws ReplayNotFinishedException while it is queued or running, or when it failed
     */
    public ReplayViews.Regions regions(String idText, String query, int page, int size) {
        return regions.regions(result(idText, ReplayFiles.STEPS), query, Math.max(0, page),
                Math.max(1, Math.min(size, Paging.MAX_PAGE_SIZE)));
    }

    /**
     * One region's series of a finished run, to draw; empty for a region it did not replay.
     *
     * @throws ReplayNotFinishedException while it is queued or running, or when it failed
     */
    public Optional<ReplayViews.Series> series(String idText, String region) {
        return Optional.ofNullable(regions.series(result(idText, ReplayFiles.STEPS), region));
    }

    /**
     * A finished run's result file.
     *
     * @throws ReplayNotFinishedException while it is queued or running, or when it failed
     */
    public Path result(String idText, String name) {
        ReplayStore.Row r = row(idText);
        switch (r.status()) {
            case ReplayStore.DONE -> {
                Path p = files.result(r.id(), name);
                if (p == null) {
                    throw ReplayNotFoundException.noFile(idText, name);
                }
                return p;
            }
            case ReplayStore.FAILED -> throw new ReplayNotFinishedException("replay " + r.id() + " failed, so it "
                    + "has no " + name + ": " + r.error(), r.status());
            default -> throw new ReplayNotFinishedException("replay " + r.id() + " is " + r.status() + " ("
                    + percent(r.stepsDone(), r.stepsTotal()) + "%); its " + name + " appears when it is done",
                    r.status());
        }
    }

    /** Vouches for this instance's runs, then fails the runs nobody has vouched for lately. */
    @Scheduled(fixedDelayString = "${beacon.replays.heartbeat-interval:5s}")
    void heartbeat() {
        store.heartbeat(active.keySet(), Instant.now());
        failSilentRuns();
    }

    @PreDestroy
    void stop() {
        stopping = true;
        executor.stop();
        int n = store.failAll(instance, ReplayRun.INTERRUPTED, Instant.now());
        if (n > 0) {
            log.warn("{} replays were interrupted by the shutdown and marked failed", n);
        }
    }

    /**
     * Deletes the part files of runs that are over (a kill leaves them), and every file of those that did not end
     * done; runs still queued or running, on any instance sharing this folder, keep theirs.
     */
    private void removeLeftovers() {
        for (UUID id : files.withPartFiles()) {
            String status = store.status(id).orElse(ReplayStore.FAILED);
            if (!status.equals(ReplayStore.QUEUED) && !status.equals(ReplayStore.RUNNING)) {
                files.remove(id, !status.equals(ReplayStore.DONE));
                log.info("deleted the part files replay {} ({}) left behind", id, status);
            }
        }
    }

    private void failSilentRuns() {
        Instant now = Instant.now();
        int n = store.failSilent(now.minus(properties.staleAfter()), ReplayRun.INTERRUPTED, now);
        if (n > 0) {
            log.warn("{} replays whose service instance stopped were marked failed", n);
        }
    }

    private ReplayStore.Row row(String idText) {
        UUID id;
        try {
            id = UUID.fromString(idText);
        } catch (IllegalArgumentException e) {
            throw ReplayNotFoundException.noSuchId(idText);
        }
        return store.find(id).orElseThrow(() -> ReplayNotFoundException.noSuchId(idText));
    }

    private static int percent(long done, long total) {
        return Paging.percent(done, total);
    }
}
