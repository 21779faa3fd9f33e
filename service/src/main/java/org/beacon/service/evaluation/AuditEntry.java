package org.beacon.service.evaluation;

import java.util.UUID;

/**
 * One row of the audit trail.
 *
 * @param decision the full decision, with its explanation
 * @param json {@code decision} as JSON (UTF-8), the bytes a {@code GET /evaluations/{id}} answers
 * @param caller who asked
 * @param batchId the batch it came in, or null
 * @param batchIndex its position in that batch, or null
 * @param signalsJson the situation's signals with their series, as JSON (UTF-8), or null when it had none: the answer
 *     keeps only their statistics, and deciding the situation again needs the series
 */
record AuditEntry(EvaluationResponse decision, byte[] json, String caller, UUID batchId, Integer batchIndex,
        byte[] signalsJson) {
}
