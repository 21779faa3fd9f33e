package org.beacon.service.calibration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.RuleSetCompiler;
import org.beacon.rules.calibration.Calibration;
import org.beacon.rules.calibration.Objective;
import org.beacon.rules.calibration.ParameterGrid;
import org.beacon.rules.calibration.ParameterRange;
import org.beacon.rules.calibration.RefusedSweepException;
import org.beacon.rules.model.Message;
import org.beacon.service.calibration.CalibrationProblems.CalibrationNotFinishedException;
import org.beacon.service.calibration.CalibrationProblems.CalibrationNotFoundException;
import org.beacon.service.replay.ReplayInputReader;
import org.beacon.service.ruleset.RuleSetRegistry;
import org.beacon.service.runs.LongRuns;
import org.beacon.service.runs.StoredRuns;
import org.beacon.service.security.CurrentUser;
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
 * Starts calibrations and answers for them. A request is refused whole before anything is stored, as
 * {@code beacon calibrate} refuses it: a malformed or empty range, a grid over the cap, an unknown objective, a
 * parameter no Parameters sheet declares, an unknown version, a timeline or actual decisions that cannot be read.
 * Runs go to the bounded executor of long runs ({@link LongRuns}) and are stored. Thread-safe.
 */
@Service
public class CalibrationService {

    static final String KIND = "calibration";
    private static final Logger log = LoggerFactory.getLogger(CalibrationService.class);

    private final RuleSetRegistry registry;
    private final ReplayInputReader timelines;
    private final LongRuns runs;
    private final StoredRuns store;
    private final JsonMapper json;

    CalibrationService(RuleSetRegistry registry, ReplayInputReader timelines, LongRuns runs, StoredRuns store,
            JsonMapper json) {
        this.registry = registry;
        this.timelines = timelines;
        this.runs = runs;
        this.store = store;
        this.json = json;
    }

    public CalibrationViews.Accepted start(CalibrationRequest r, String caller) {
        List<FieldError> errors = new ArrayList<>();
        List<ParameterRange> ranges = new ArrayList<>();
        ParameterGrid grid = null;
        Objective objective = Objective.WEIGHTED;
        try {
            for (String spec : r.vary() == null ? List.<String>of() : r.vary()) {
                ranges.add(ParameterRange.parse(spec));
            }
            grid = new ParameterGrid(ranges, ParameterGrid.DEFAULT_MAX_COMBINATIONS);
        } catch (RefusedSweepException e) {
            errors.add(new FieldError("vary", formField(e.text())));
        }
        try {
            if (r.objective() != null && !r.objective().isBlank()) {
                objective = Objective.parse(r.objective());
            }
        } catch (RefusedSweepException e) {
            errors.add(new FieldError("objective", formField(e.text())));
        }
        boolean noActual = (r.actual() == null || r.actual().isEmpty())
                && (r.actualExample() == null || r.actualExample().isBlank());
        if (noActual) {
            errors.add(new FieldError("actual", "a calibration is ranked against what was actually decided: send "
                    + "the actual decisions (actual, or actualExample)"));
        }
        String version = r.ruleSet() == null || r.ruleSet().isBlank() ? null : r.ruleSet().trim();
        if (version != null && (version.length() > 100 || version.chars().anyMatch(Character::isISOControl))) {
            errors.add(new FieldError("ruleSet", "ruleSet must be one line of at most 100 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        registry.checkPinnable(version, CurrentUser.mayUseDrafts());
        CompiledRuleSet today = version == null ? registry.current() : registry.pinned(version);
        grid.unknownAmong(today.model().parameters().keySet()).ifPresent(problem -> {
            throw new InvalidRequestException(List.of(new FieldError("vary", problem)));
        });
        ReplayInputReader.Read read = timelines.readTimeline(r.timelineFields(), r.actual(), r.actualExample(),
                r.revisions(), List.of(today));
        ReplayInputReader.ReadTimeline t = read.timeline();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        Calibration calibration = new Calibration(new RuleSetCompiler(), registry.workbooks(today.id()),
                t.timeline(), read.actual(), objective, threads);

        ObjectNode inputs = json.createObjectNode();
        inputs.put("ruleSet", today.id());
        inputs.set("vary", json.valueToTree(ranges.stream().map(ParameterRange::toString).toList()));
        inputs.put("objective", objective.code());
        inputs.put("combinations", grid.size());
        inputs.put("timeline", t.name());
        inputs.put("timelineSha256", t.sha256());
        inputs.put("actual", read.actualName());
        inputs.put("actualSha256", read.actualSha256());
        if (read.revisionsName() != null) {
            inputs.put("revisions", read.revisionsName());
            inputs.put("revisionsSha256", read.revisionsSha256());
        }
        putIfGiven(inputs, "source", t.source());
        inputs.put("step", t.step());
        putIfGiven(inputs, "missingDays", t.missingDays());
        Map<String, String> reportInputs = new LinkedHashMap<>();
        inputs.properties().forEach(e -> reportInputs.put(e.getKey(), e.getValue().isArray()
                ? String.join(", ", e.getValue().valueStream().map(JsonNode::asString).toList())
                : e.getValue().asString()));
        UUID id = runs.start(new LongRuns.NewRun(KIND, today.id(), caller, json.writeValueAsString(inputs),
                grid.size() + 1L), new CalibrationRun(calibration, today, grid, reportInputs, json));
        log.info("calibration {} of {} queued: {} combinations of {} over {}, for {}", id, today.id(), grid.size(),
                String.join(", ", grid.names()), t.name(), caller);
        return new CalibrationViews.Accepted(id, StoredRuns.QUEUED, grid.size(), CalibrationViews.links(id));
    }

    public CalibrationViews.Run find(String id) {
        StoredRuns.Row r = row(id);
        long done = runs.done(r);
        return new CalibrationViews.Run(r.id(), r.ruleSet(), r.status(), r.caller(), r.createdAt(), r.startedAt(),
                r.finishedAt(), new CalibrationViews.Progress(Paging.percent(done, r.stepsTotal()), done,
                        r.stepsTotal()), json.readTree(r.inputsJson()),
                r.summaryJson() == null ? null : json.readTree(r.summaryJson()), r.error(),
                CalibrationViews.links(r.id()));
    }

    public CalibrationViews.Page list(int page, int size) {
        Paging.check(page, size);
        List<CalibrationViews.Item> items = store.page(KIND, null, page, size).stream().map(r -> {
            JsonNode inputs = json.readTree(r.inputsJson());
            return new CalibrationViews.Item(r.id(), r.ruleSet(), r.status(), r.caller(), r.createdAt(),
                    r.finishedAt(), inputs.get("vary"), inputs.path("timeline").asString(null), r.error(),
                    CalibrationViews.links(r.id()));
        }).toList();
        return new CalibrationViews.Page(page, size, store.count(KIND, null), items);
    }

    /** @throws CalibrationNotFinishedException while the run is queued or running, or when it failed */
    public byte[] file(String id, StoredRuns.File file, String name) {
        StoredRuns.Row r = row(id);
        return store.file(r.id(), file).orElseThrow(() -> new CalibrationNotFinishedException("calibration "
                + r.id() + " is " + r.status() + (r.error() == null ? "; its " + name + " appears when it is done"
                        : ": " + r.error())));
    }

    private StoredRuns.Row row(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new CalibrationNotFoundException(id);
        }
        return store.find(KIND, uuid).orElseThrow(() -> new CalibrationNotFoundException(id));
    }

    /**
     * The rules name the command line's options; here they are form fields. Kept as the bundle's key and arguments so
     * that the console says it in the page's language.
     */
    private static Message formField(Message message) {
        return new Message(message.key(), message.arguments().stream().map(a -> "--vary".equals(a) ? "vary"
                : "--objective".equals(a) ? "objective" : a).toList());
    }

    private static void putIfGiven(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
