package org.beacon.service.evaluation;

import java.util.List;

/** A page of the audit trail, newest first. */
public record EvaluationPage(int page, int size, long total, List<EvaluationSummary> items) {
}
