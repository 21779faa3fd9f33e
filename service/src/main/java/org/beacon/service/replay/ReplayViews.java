package org.beacon.service.replay;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** The JSON shapes of the replay API. */
public final class ReplayViews {

    private ReplayViews() {
    }

    /** The answer to {@code POST /replays}: where to follow the run. */
    public record Accepted(UUID id, String status, Map<String, String> links) {
    }

    /**
     * One run as {@code GET /replays/{id}} shows it.
     *
     * @param summary when done: transitions, comparison with the actual decisions, divergences, data issues
     * @param error when failed: why
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Run(UUID id, String status, Instant createdAt, String caller, Instant startedAt, Instant finishedAt,
            Progress progress, JsonNode inputs, JsonNode summary, String error, Map<String, String> links) {
    }

    /**
     * @param stepsPerSecond region-steps decided per second (null before the run starts)
     * @param secondsLeft while running, the steps left at the speed so far, rounded up (null before a speed is known
     *     and once the run is over)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Progress(int percent, long stepsDone, long stepsTotal, Double stepsPerSecond, Long secondsLeft) {
    }

    /** One line of {@code GET /replays}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(UUID id, String status, Instant createdAt, Instant finishedAt, String caller, String timeline,
            String timelineSha256, String actual, List<String> ruleSets, long stepsTotal, String error) {
    }

    /** A page of runs, newest first. */
    public record Page(int page, int size, long total, List<Item> items) {
    }

    /** A region of a finished run, as the region picker lists it. */
    public record Region(String code, String name, int steps) {
    }

    /** A page of a run's regions, by code. */
    public record Regions(int page, int size, int total, List<Region> items) {
    }

    /**
     * One region's chart: its dates, the indicators it shows (a null is a day without a value), each arm's
     * recommended level and the actual level (numerals, null for no response).
     *
     * @param actual null when the run had no actual decisions
     */
    public record Series(String code, String name, List<String> dates, Map<String, List<Double>> indicators,
            List<ArmLevels> arms, List<String> actual) {
    }

    /** @param arm the arm's label, or null for the only arm */
    public record ArmLevels(String arm, List<String> levels) {
    }

    static Map<String, String> links(UUID id) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", "/replays/" + id);
        links.put("steps", "/replays/" + id + "/" + ReplayFiles.STEPS);
        links.put("report", "/replays/" + id + "/" + ReplayFiles.REPORT);
        return links;
    }
}
