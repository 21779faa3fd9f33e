package org.beacon.service.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One line of the audit trail, as listed by {@code GET /evaluations}. */
public record EvaluationSummary(UUID evaluationId, Instant evaluatedAt, String caller, String ruleSetId,
        String eventType, String regionCode, String regionName, LocalDate asOf, String grade, String warningColour,
        boolean noMatch, List<String> firedRules, UUID batchId, Integer batchIndex) {
}
