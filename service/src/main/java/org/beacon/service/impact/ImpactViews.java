package org.beacon.service.impact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The JSON of impact runs. */
public final class ImpactViews {

    private ImpactViews() {
    }

    public record Accepted(UUID id, String status, long situations, Map<String, String> links) {
    }

    /**
     * @param window which audited decisions: stored from {@code from} to {@code to} (UTC days, both included)
     * @param progress audited decisions read of those the window holds (at most the cap)
     * @param undecidable audited decisions that cannot be decided again: stored before the audit kept signal series,
     *     with signals (counted from their stored answers, never guessed)
     * @param timeline the timeline replayed with both versions too, or null
     * @param report when done: the transitions, rows, weekly burden and invalid situations
     */
    public record Run(UUID id, String ruleSet, String comparedWith, String status, String caller, Instant createdAt,
            Instant startedAt, Instant finishedAt, JsonNode window, JsonNode timeline, Progress progress,
            long undecidable, JsonNode report, String error, Map<String, String> links) {
    }

    /** A timeline replayed with both versions: its name and SHA-256, how it was read, its region-steps. */
    public record Timeline(String name, String sha256, String source, String step, String missingDays, long steps) {
    }

    /** One run in a list, without its report. */
    public record Item(UUID id, String status, String caller, Instant createdAt, Instant finishedAt, String comparedWith,
            JsonNode window, String timeline, String error, Map<String, String> links) {
    }

    public record Page(int page, int size, long total, List<Item> items) {
    }

    public record Window(LocalDate from, LocalDate to, String region, String eventType, long limit) {
    }

    public record Progress(int percent, long done, long total) {
    }

    static Map<String, String> links(String version, UUID id) {
        String self = "/rule-sets/" + version + "/impact/" + id;
        return Map.of("self", self, "report", self + "/report.xlsx");
    }
}
