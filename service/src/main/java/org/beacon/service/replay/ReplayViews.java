package org.beacon.service.replay;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** The JSON shapes of the replay API. */
final class ReplayViews {

    private ReplayViews() {
    }

    /** The answer to {@code POST /replays}: where to follow the run. */
    record Accepted(UUID id, String status, Map<String, String> links) {
    }

    /**
     * One run as {@code GET /replays/{id}} shows it.
     *
     * @param summary when done: transitions, comparison with the actual decisions, divergences, data issues
     * @param error when failed: why
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Run(UUID id, String status, Instant createdAt, String caller, Instant startedAt, Instant finishedAt,
            Progress progress, JsonNode inputs, JsonNode summary, String error, Map<String, String> links) {
    }

    /** @param stepsPerSecond region-steps decided per second (null before the run starts) */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Progress(int percent, long stepsDone, long stepsTotal, Double stepsPerSecond) {
    }

    /** One line of {@code GET /replays}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(UUID id, String status, Instant createdAt, Instant finishedAt, String caller, String timeline,
            String timelineSha256, String actual, List<String> ruleSets, long stepsTotal, String error) {
    }

    /** A page of runs, newest first. */
    record Page(int page, int size, long total, List<Item> items) {
    }

    static Map<String, String> links(UUID id) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", "/replays/" + id);
        links.put("steps", "/replays/" + id + "/" + ReplayFiles.STEPS);
        links.put("report", "/replays/" + id + "/" + ReplayFiles.REPORT);
        return links;
    }
}
