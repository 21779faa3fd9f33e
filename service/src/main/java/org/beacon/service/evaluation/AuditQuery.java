package org.beacon.service.evaluation;

import java.time.Instant;

/** Filters of {@code GET /evaluations}; null means "any". {@code to} is exclusive. */
record AuditQuery(String regionCode, String eventType, Instant from, Instant to, int page, int size) {
}
