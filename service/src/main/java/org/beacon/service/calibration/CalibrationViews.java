package org.beacon.service.calibration;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** The JSON of calibrations. */
public final class CalibrationViews {

    private CalibrationViews() {
    }

    /** @param combinations how many the grid holds */
    public record Accepted(UUID id, String status, int combinations, Map<String, String> links) {
    }

    /**
     * @param inputs files with their SHA-256, the version, the ranges and the objective
     * @param progress combinations replayed of the grid's
     * @param summary when done: today's values and fit, the ranked combinations, the cells to type
     */
    public record Run(UUID id, String ruleSet, String status, String caller, Instant createdAt, Instant startedAt,
            Instant finishedAt, Progress progress, JsonNode inputs, JsonNode summary, String error,
            Map<String, String> links) {
    }

    public record Progress(int percent, long done, long total) {
    }

    public record Item(UUID id, String ruleSet, String status, String caller, Instant createdAt, Instant finishedAt,
            JsonNode vary, String timeline, String error, Map<String, String> links) {
    }

    public record Page(int page, int size, long total, List<Item> items) {
    }

    static Map<String, String> links(UUID id) {
        String self = "/calibrations/" + id;
        return Map.of("self", self, "csv", self + "/calibration.csv", "xlsx", self + "/calibration.xlsx");
    }
}
