package org.beacon.service.evaluation;

import java.util.UUID;

/**
 * One row of the audit trail.
 *
 * @param decision the full decision, with its explanation
 * @param caller who asked
 * @param batchId the batch it came in, or null
 * @param batchIndex its position in that batch, or null
 */
record AuditEntry(EvaluationResponse decision, String caller, UUID batchId, Integer batchIndex) {
}
