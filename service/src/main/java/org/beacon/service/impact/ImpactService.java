package org.beacon.service.impact;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.service.evaluation.AuditedSituations;
import org.beacon.service.impact.ImpactProblems.ImpactNotFinishedException;
import org.beacon.service.impact.ImpactProblems.ImpactRunNotFoundException;
import org.beacon.service.replay.ReplayInputReader;
import org.beacon.service.ruleset.RuleSetRegistry;
import org.beacon.service.runs.LongRuns;
import org.beacon.service.runs.StoredRuns;
import org.beacon.service.web.InvalidRequestException;
import org.beacon.service.web.InvalidRequestException.FieldError;
import org.beacon.service.web.Paging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Starts impact runs and answers for them. Everything that can refuse a request (the version, the window, the cap,
 * the timeline) is checked before a run is stored; runs are stored and run by {@link LongRuns}, so they outlive a
 * restart (one cut off by it is marked failed). Thread-safe.
 */
@Service
public class ImpactService {

    static final String KIND = "impact";
    private static final Logger log = LoggerFactory.getLogger(ImpactService.class);

    private final RuleSetRegistry registry;
    private final AuditedSituations audit;
    private final ReplayInputReader timelines;
    private final LongRuns runs;
    private final StoredRuns store;
    private final JsonMapper json;

    ImpactService(RuleSetRegistry registry, AuditedSituations audit, ReplayInputReader timelines, LongRuns runs,
            StoredRuns store, JsonMapper json) {
        this.registry = registry;
        this.audit = audit;
        this.timelines = timelines;
        this.runs = runs;
        this.store = store;
        this.json = json;
    }

    public ImpactViews.Accepted start(String version, ImpactRequest request, String caller) {
        CompiledRuleSet after = registry.pinned(version);
        ImpactRequest.Checked checked = request.check(LocalDate.now(ZoneOffset.UTC));
        long inWindow = audit.count(checked.window());
        if (inWindow > checked.limit()) {
            throw new InvalidRequestException(List.of(new FieldError("?limit", "the window holds " + inWindow
                    + " audited decisions, more than the cap of " + checked.limit() + ": narrow it (from, to, "
                    + "region, eventType) or raise limit, up to " + ImpactRequest.MAX_LIMIT)));
        }
        CompiledRuleSet before = registry.current();
        ReplayInputReader.ReadTimeline timeline = request.timelineFields().given()
                ? timelines.readTimeline(request.timelineFields(), null, null, null, List.of(after, before)).timeline()
                : null;
        long steps = inWindow + (timeline == null ? 0 : timeline.timeline().steps());
        ObjectNode inputs = json.createObjectNode();
        inputs.put("comparedWith", before.id());
        inputs.set("window", json.valueToTree(new ImpactViews.Window(checked.from(), checked.to(),
                checked.window().regionCode(), checked.window().eventType(), checked.limit())));
        inputs.put("examples", checked.examples());
        if (timeline != null) {
            inputs.set("timeline", json.valueToTree(new ImpactViews.Timeline(timeline.name(), timeline.sha256(),
                    timeline.source(), timeline.step(), timeline.missingDays(), timeline.timeline().steps())));
        }
        UUID id = runs.start(new LongRuns.NewRun(KIND, version, caller, json.writeValueAsString(inputs), steps),
                new ImpactRun(audit, checked, before, after, timeline, json));
        log.info("impact run {} of {} against {} queued: {} audited decisions{}, for {}", id, version, before.id(),
                inWindow, timeline == null ? "" : " and the timeline " + timeline.name(), caller);
        return new ImpactViews.Accepted(id, StoredRuns.QUEUED, inWindow, ImpactViews.links(version, id));
    }

    public ImpactViews.Run find(String version, String id) {
        StoredRuns.Row r = row(version, id);
        JsonNode inputs = json.readTree(r.inputsJson());
        JsonNode summary = r.summaryJson() == null ? null : json.readTree(r.summaryJson());
        long done = runs.done(r);
        return new ImpactViews.Run(r.id(), r.ruleSet(), inputs.path("comparedWith").asString(), r.status(),
                r.caller(), r.createdAt(), r.startedAt(), r.finishedAt(), inputs.get("window"),
                inputs.get("timeline"), new ImpactViews.Progress(Paging.percent(done, r.stepsTotal()), done,
                        r.stepsTotal()), summary == null ? 0 : summary.path("undecidable").asLong(),
                summary == null ? null : summary.get("report"), r.error(), ImpactViews.links(version, r.id()));
    }

    public ImpactViews.Page list(String version, int page, int size) {
        Paging.check(page, size);
        registry.pinned(version);
        List<ImpactViews.Item> items = store.page(KIND, version, page, size).stream().map(r -> {
            JsonNode inputs = json.readTree(r.inputsJson());
            return new ImpactViews.Item(r.id(), r.status(), r.caller(), r.createdAt(), r.finishedAt(),
                    inputs.path("comparedWith").asString(), inputs.get("window"),
                    inputs.path("timeline").path("name").asString(null), r.error(),
                    ImpactViews.links(version, r.id()));
        }).toList();
        return new ImpactViews.Page(page, size, store.count(KIND, version), items);
    }

    /** @throws ImpactNotFinishedException while the run is queued or running, or when it failed */
    public byte[] workbook(String version, String id) {
        StoredRuns.Row r = row(version, id);
        return store.file(r.id(), StoredRuns.File.XLSX).orElseThrow(() -> new ImpactNotFinishedException(
                "impact run " + r.id() + " is " + r.status() + (r.error() == null
                        ? "; its report.xlsx appears when it is done" : ": " + r.error())));
    }

    private StoredRuns.Row row(String version, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ImpactRunNotFoundException(version, id);
        }
        return store.find(KIND, uuid).filter(r -> r.ruleSet().equals(version))
                .orElseThrow(() -> new ImpactRunNotFoundException(version, id));
    }
}
