package org.beacon.service.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.beacon.rules.CheckedSituation;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.decision.Decision;
import org.beacon.rules.model.Signal;
import org.beacon.service.ruleset.RuleSetRegistry;
import org.beacon.service.web.InvalidRequestException;
import org.beacon.service.web.InvalidRequestException.FieldError;
import org.beacon.service.web.QuotedInput;
import org.springframework.stereotype.Service;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides situations with the rule set in force and audits every decision before returning it. Thread-safe. Public
 * for the console, which decides and audits through the same methods as the API.
 */
@Service
public class EvaluationService {

    /** An audited decision as it was returned, and who asked for it. */
    public record AuditedDecision(EvaluationResponse decision, String caller) {
    }

    private final RuleSetRegistry registry;
    private final EvaluationAudit audit;
    private final EvaluationMetrics metrics;
    private final JsonMapper json;
    private final DecisionJson decisionJson;
    private final int maxBatch;

    EvaluationService(RuleSetRegistry registry, EvaluationAudit audit, EvaluationMetrics metrics, JsonMapper json,
            BatchLimits batch) {
        this.registry = registry;
        this.audit = audit;
        this.metrics = metrics;
        this.json = json;
        this.decisionJson = new DecisionJson(json);
        this.maxBatch = batch.maxSize();
    }

    /**
     * @param pinnedRuleSet a version id to use, or null for the version in force on the situation's date
     * @return the decision as JSON (UTF-8): with its explanation, the very bytes the audit keeps
     */
    byte[] evaluate(EvaluationRequest request, boolean explain, boolean margins, String caller,
            String pinnedRuleSet, Locale language) {
        DecisionJson.Written written = decideAndAudit(request, margins, caller, pinnedRuleSet,
                new AnswerErrors(language)).json();
        return explain ? written.full() : written.withoutExplanation();
    }

    /**
     * Decides one situation and audits it, as {@code POST /evaluations} does (its metrics aside): for the console's
     * "try a decision". The pin is checked by the caller ({@code RuleSetRegistry.checkPinnable}), as the API's
     * controller does.
     *
     * @param pinnedRuleSet a version id to use, or null for the version in force on the situation's date
     * @return the decision with its explanation, as the audit keeps it
     * @throws InvalidRequestException naming every offending field; nothing is stored then
     */
    public EvaluationResponse decide(EvaluationRequest request, String caller, String pinnedRuleSet) {
        return decideAndAudit(request, false, caller, pinnedRuleSet, new AnswerErrors()).decision();
    }

    /** A decision and its JSON, written once for the audit and the answer. */
    private record Answered(EvaluationResponse decision, DecisionJson.Written json) {
    }

    private Answered decideAndAudit(EvaluationRequest request, boolean margins, String caller,
            String pinnedRuleSet, AnswerErrors answer) {
        CompiledRuleSet ruleSet = registry.resolve(pinnedRuleSet, request.asOf());
        CheckedSituation situation;
        try {
            situation = SituationMapper.toSituation(request, ruleSet, "", answer);
        } catch (InvalidRequestException e) {
            metrics.invalid();
            throw e;
        }
        EvaluationResponse full = decide(ruleSet, situation, margins);
        DecisionJson.Written written = decisionJson.write(full);
        audit.saveOne(entry(full, written.full(), situation, caller, null, null));
        return new Answered(full, written);
    }

    /** The audit row of a decision, with the series of its signals, which deciding it again needs. */
    private AuditEntry entry(EvaluationResponse full, byte[] fullJson, CheckedSituation situation, String caller,
            UUID batchId, Integer index) {
        List<Signal> signals = situation.situation().signals();
        return new AuditEntry(full, fullJson, caller, batchId, index,
                signals.isEmpty() ? null : json.writeValueAsBytes(signals.stream().map(AuditedSituations::view)
                        .toList()));
    }

    /** An audited decision with its caller, or empty when there is none with this id. */
    public Optional<AuditedDecision> audited(UUID id) {
        return audit.decisionWithCaller(id).map(stored -> audited(stored.json(), stored.caller()));
    }

    /** A decision's JSON as the audit kept it (in the database or in an export of audit retention), read. */
    public AuditedDecision audited(String decisionJson, String caller) {
        return new AuditedDecision(answer(decisionJson), caller);
    }

    /** Audited decisions by id, read in one query; an id with none is absent. */
    public Map<UUID, EvaluationResponse> audited(List<UUID> ids) {
        Map<UUID, EvaluationResponse> answers = new HashMap<>();
        audit.decisionsJson(ids).forEach((id, stored) -> answers.put(id, answer(stored)));
        return answers;
    }

    /** A stored answer read back; fields added since it was stored are absent, fields since dropped ignored. */
    private EvaluationResponse answer(String stored) {
        return json.readerFor(EvaluationResponse.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(stored);
    }

    /**
     * How close a stored decision is to the next answer: the margins it was stored with, else those of its situation
     * decided again, unaudited, by the version that decided it. Empty when there is no such decision or its situation
     * cannot be decided again (its signals' series were not kept, or its version no longer reads it).
     */
    public Optional<List<MarginsView.IndicatorMarginView>> margins(UUID id) {
        return audit.decided(id).flatMap(stored -> {
            EvaluationResponse answer = answer(stored.json());
            if (answer.margins() != null) {
                return Optional.of(answer.margins());
            }
            org.beacon.rules.model.Situation situation = AuditedSituations.situation(stored.json(),
                    stored.signalsJson());
            if (situation == null) {
                return Optional.empty();
            }
            CompiledRuleSet ruleSet = registry.pinned(stored.ruleSetId());
            CheckedSituation checked = ruleSet.check(situation);
            if (!checked.isValid()) {
                return Optional.empty();
            }
            return Optional.of(MarginsView.of(ruleSet.margins(checked, ruleSet.evaluate(checked, false))));
        });
    }

    /**
     * @param answer the errors of this answer, in the language the caller reads (the controller tells it)
     * @return the answer, once every decision of the batch is committed to the audit
     */
    BatchAnswer evaluateBatch(List<BatchItem> items, boolean explain, boolean margins, String caller,
            String pinnedRuleSet, AnswerErrors answer) {
        if (items.size() > maxBatch) {
            throw new BatchTooLargeException(items.size(), maxBatch);
        }
        CompiledRuleSet pinned = pinnedRuleSet == null ? null : registry.resolve(pinnedRuleSet, null);
        UUID batchId = UUID.randomUUID();
        List<BatchAnswer.Result> results = new ArrayList<>(items.size());
        List<AuditEntry> entries = new ArrayList<>(items.size());
        int failed = 0;
        for (int i = 0; i < items.size(); i++) {
            String prefix = "/situations/" + i;
            try {
                EvaluationRequest request = read(items.get(i), prefix);
                CompiledRuleSet ruleSet = pinned != null ? pinned : registry.resolve(null, request.asOf());
                CheckedSituation situation = SituationMapper.toSituation(request, ruleSet, prefix, answer);
                EvaluationResponse full = decide(ruleSet, situation, margins);
                DecisionJson.Written written = decisionJson.write(full);
                entries.add(entry(full, written.full(), situation, caller, batchId, i));
                results.add(new BatchAnswer.Result(i, explain ? written.full() : written.withoutExplanation(), null));
            } catch (InvalidRequestException e) {
                failed++;
                metrics.invalid();
                results.add(new BatchAnswer.Result(i, null, json.writeValueAsBytes(new BatchResponse.Item(i, null,
                        new BatchResponse.ItemError(400, "Invalid situation", answer.listed(e.errors(), prefix))))));
            }
        }
        audit.save(entries);
        return new BatchAnswer(batchId, items.size(), failed, results);
    }

    /**
     * Colours every region of a risk-map request. All regions are checked first: one invalid region refuses the
     * request (400 naming each field, at most {@link AnswerErrors#MAX_LISTED}; the regions after those are not
     * checked) and nothing is decided or stored. A region twice is refused too: it would be decided and counted twice.
     */
    public RiskMapResponse riskMap(RiskMapRequest request, boolean margins, String caller, String pinnedRuleSet) {
        List<RiskMapRequest.Entry> regions = request.regions() == null ? List.of() : request.regions();
        if (regions.isEmpty()) {
            throw new InvalidRequestException(List.of(new InvalidRequestException.FieldError("/regions",
                    "regions is required: a list of {region, indicators}")));
        }
        if (regions.size() > maxBatch) {
            throw new BatchTooLargeException(regions.size(), maxBatch);
        }
        if (request.boundaries() != null && !request.boundaries().isNull()) {
            Boundaries.read(request.boundaries(), "/boundaries"); // a bad outline refuses the map before any decision
        }
        CompiledRuleSet ruleSet = registry.resolve(pinnedRuleSet, request.asOf());
        List<CheckedSituation> situations = regions(request, regions, ruleSet);
        UUID batchId = UUID.randomUUID();
        List<AuditEntry> entries = new ArrayList<>(situations.size());
        List<RiskMapResponse.RegionRisk> out = new ArrayList<>(situations.size());
        Map<String, Integer> colours = new java.util.LinkedHashMap<>();
        for (org.beacon.rules.model.AreaRisk a : org.beacon.rules.model.AreaRisk.values()) {
            colours.put(a.code(), 0);
        }
        colours.put("none", 0);
        for (int i = 0; i < situations.size(); i++) {
            EvaluationResponse full = decide(ruleSet, situations.get(i), margins);
            entries.add(entry(full, json.writeValueAsBytes(full), situations.get(i), caller, batchId, i));
            out.add(RiskMapView.of(i, full));
            colours.merge(full.areaRisk() == null ? "none" : full.areaRisk().colour(), 1, Integer::sum);
        }
        audit.save(entries);
        return new RiskMapResponse(batchId, new EvaluationResponse.RuleSetRef(ruleSet.id(), ruleSet.contentHash()),
                request.asOf(), out.size(), colours, out);
    }

    /**
     * The regions of a risk map as situations, or a refusal naming each offending field: after
     * {@link AnswerErrors#MAX_LISTED} errors the rest are counted and the regions left are not checked.
     */
    private List<CheckedSituation> regions(RiskMapRequest request, List<RiskMapRequest.Entry> regions,
            CompiledRuleSet ruleSet) {
        List<CheckedSituation> situations = new ArrayList<>(regions.size());
        List<FieldError> errors = new ArrayList<>();
        AnswerErrors answer = new AnswerErrors();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < regions.size(); i++) {
            RiskMapRequest.Entry entry = regions.get(i);
            String prefix = "/regions/" + i;
            String code = entry == null || entry.region() == null ? null : entry.region().code();
            Integer earlier = code == null ? null : seen.putIfAbsent(code, i);
            if (entry == null) {
                errors.add(new FieldError(prefix, "a region must be an object with region and indicators"));
            } else if (earlier != null) {
                errors.add(new FieldError(prefix + "/region/code", "region '" + QuotedInput.shorten(code)
                        + "' is also at /regions/" + earlier + "/region/code: a map decides and counts each region once"));
            } else {
                try {
                    situations.add(SituationMapper.toSituation(new EvaluationRequest(request.eventType(),
                            entry.region(), request.asOf(), entry.indicators()), ruleSet, prefix, answer));
                } catch (InvalidRequestException e) {
                    for (FieldError f : e.errors()) {
                        // the event type is the map's, not each region's: said once, at its own pointer
                        if (!f.pointer().startsWith(prefix + "/eventType")) {
                            errors.add(f);
                        } else if (errors.stream().noneMatch(x -> x.pointer().equals("/eventType"))) {
                            errors.add(new FieldError("/eventType", f.detail()));
                        }
                    }
                }
            }
            if (errors.size() >= AnswerErrors.MAX_LISTED) {
                int unlisted = errors.size() - AnswerErrors.MAX_LISTED;
                int unchecked = regions.size() - i - 1;
                if (unlisted > 0 || unchecked > 0) {
                    errors.subList(AnswerErrors.MAX_LISTED, errors.size()).clear();
                    errors.add(new FieldError("/regions", String.format(Locale.ROOT, "%,d more regions not checked",
                            unchecked) + (unlisted > 0 ? String.format(Locale.ROOT, " and %,d more problems not "
                            + "listed", unlisted) : "") + ": at most " + AnswerErrors.MAX_LISTED + " problems are "
                            + "listed, fix these first"));
                }
                break;
            }
        }
        if (!errors.isEmpty()) {
            metrics.invalid();
            throw new InvalidRequestException(errors);
        }
        return situations;
    }

    private static EvaluationRequest read(BatchItem item, String prefix) {
        if (item == null) {
            throw new InvalidRequestException(List.of(new FieldError(prefix, BatchItem.NOT_AN_OBJECT)));
        }
        if (item.request() == null) {
            throw new InvalidRequestException(List.of(new FieldError(prefix + item.pointer(), item.detail())));
        }
        return item.request();
    }

    /** The decision with its explanation and, when asked for, its margins: as the audit keeps it. */
    private EvaluationResponse decide(CompiledRuleSet ruleSet, CheckedSituation situation, boolean margins) {
        Decision d = ruleSet.evaluate(situation, true);
        metrics.decided(!d.noMatch());
        EvaluationResponse full = DecisionView.of(UUID.randomUUID(), Instant.now(), situation.situation(), d, true);
        return margins ? full.withMargins(MarginsView.of(ruleSet.margins(situation, d))) : full;
    }


    EvaluationPage find(AuditQuery query) {
        return audit.find(query);
    }
}
