package org.beacon.service.evaluation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One situation to decide.
 *
 * @param eventType event type code, a value of the dictionary's {@code eventType}
 * @param region where it happens
 * @param asOf the date the situation describes
 * @param indicators indicator values by dictionary name (numbers, true/false or text); see {@code GET /indicators}
 * @param signals surveillance signals (daily counts per source) for the multi-point warning tables
 */
@Schema(description = "A situation to decide")
public record EvaluationRequest(
        @Schema(example = "cholera", requiredMode = Schema.RequiredMode.REQUIRED) String eventType,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) RegionRequest region,
        @Schema(example = "2026-07-01") LocalDate asOf,
        @Schema(example = "{\"cases\": 12, \"countiesAffected\": 1}") Map<String, Object> indicators,
        List<SignalRequest> signals) {

    /** A situation without signals. */
    public EvaluationRequest(String eventType, RegionRequest region, LocalDate asOf, Map<String, Object> indicators) {
        this(eventType, region, asOf, indicators, null);
    }

    /**
     * @param source a value of {@code signalSource} (e.g. {@code ili}, {@code schoolAbsenteeism}); one signal per
     *     source in a situation
     * @param start the date of the first value
     * @param values one count per day from start, each from 0 to 10^9; the series must reach asOf (later days are
     *     ignored)
     */
    @Schema(description = "A surveillance signal: one source's daily counts (each from 0 to 10^9), oldest first; "
            + "one signal per source in a situation")
    public record SignalRequest(@Schema(example = "ili") String source, @Schema(example = "2021-06-25") LocalDate start,
            @Schema(example = "[12, 15, 11, 14]") List<Double> values) {
    }

    /**
     * @param code administrative division code
     * @param name display name
     * @param level {@code province}, {@code prefecture}, {@code county} or {@code township}
     */
    public record RegionRequest(@Schema(example = "330106") String code, @Schema(example = "杭州市西湖区") String name,
            @Schema(example = "county", allowableValues = {"province", "prefecture", "county", "township"})
            String level) {
    }
}
