package org.beacon.service.impact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.beacon.rules.impact.ImpactReport;

/** The JSON of impact runs. */
final class ImpactViews {

    private ImpactViews() {
    }

    record Accepted(UUID id, String status, long situations, Map<String, String> links) {
    }

    /**
     * @param window which audited decisions: stored from {@code from} to {@code to} (UTC days, both included)
     * @param progress audited decisions read of those the window holds (at most the cap)
     * @param undecidable audited decisions that cannot be decided again: stored before the audit kept signal series,
     *     with signals (counted from their stored answers, never guessed)
     * @param report when done: the transitions, rows, weekly burden and invalid situations
     */
    record Run(UUID id, String ruleSet, String comparedWith, String status, String caller, Instant createdAt,
            Instant startedAt, Instant finishedAt, Window window, Progress progress, long undecidable,
            ImpactReport report, String error, Map<String, String> links) {
    }

    record Window(LocalDate from, LocalDate to, String region, String eventType, long limit) {
    }

    record Progress(int percent, long done, long total) {
    }

    static Map<String, String> links(String version, UUID id) {
        String self = "/rule-sets/" + version + "/impact/" + id;
        return Map.of("self", self, "report", self + "/report.xlsx");
    }
}
