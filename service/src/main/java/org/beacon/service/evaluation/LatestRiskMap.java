package org.beacon.service.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The risk map of the latest decision of each region: read from the colour and rows the audit row keeps of it (V11),
 * so that hundreds of regions cost one query and no stored answer. A region whose latest row was stored before V11
 * keeps its colour only in its stored answer: those answers are read, in one query a chunk. Thread-safe.
 */
@Service
public class LatestRiskMap {

    /**
     * @param regions the regions whose latest decision has a colour, newest first, at most the maximum asked for
     * @param truncated true when regions were left out to keep to that maximum
     */
    public record Drawn(List<RiskMapResponse.RegionRisk> regions, boolean truncated) {
    }

    private final AuditTrail trail;
    private final EvaluationService evaluations;

    LatestRiskMap(AuditTrail trail, EvaluationService evaluations) {
        this.trail = trail;
        this.evaluations = evaluations;
    }

    /**
     * The regions decided in {@code [from, to)}, of one event type when given, whose latest decision has a colour: a
     * region whose latest decision has none is left out, not shown with an older colour.
     */
    public Drawn draw(String eventType, Instant from, Instant to, int max) {
        List<AuditTrail.LatestRisk> newest = trail.latestRisks(eventType, from, to);
        List<RiskMapResponse.RegionRisk> regions = new ArrayList<>();
        int next = 0;
        while (next < newest.size() && regions.size() < max) {
            List<AuditTrail.LatestRisk> chunk = newest.subList(next, Math.min(newest.size(), next + max));
            Map<UUID, EvaluationResponse> answers = evaluations.audited(chunk.stream().filter(r -> r.rules() == null)
                    .map(AuditTrail.LatestRisk::evaluationId).toList());
            for (AuditTrail.LatestRisk r : chunk) {
                if (regions.size() == max) {
                    break;
                }
                next++;
                if (r.rules() != null) {
                    if (r.colour() != null) {
                        regions.add(RiskMapView.of(regions.size(), new EvaluationResponse.RegionView(r.regionCode(),
                                r.regionName(), r.regionLevel()), r.evaluationId(), r.colour(), r.rules()));
                    }
                    continue;
                }
                EvaluationResponse answer = answers.get(r.evaluationId());
                if (answer != null && answer.areaRisk() != null) {
                    regions.add(RiskMapView.of(regions.size(), answer));
                }
            }
        }
        return new Drawn(regions, next < newest.size());
    }
}
