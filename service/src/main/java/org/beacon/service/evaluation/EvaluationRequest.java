package org.beacon.service.evaluation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.Map;

/**
 * One situation to decide.
 *
 * @param eventType event type code, a value of the dictionary's {@code eventType}
 * @param region where it happens
 * @param asOf the date the situation describes
 * @param indicators indicator values by dictionary name (numbers, true/false or text); see {@code GET /indicators}
 */
@Schema(description = "A situation to decide")
public record EvaluationRequest(
        @Schema(example = "cholera", requiredMode = Schema.RequiredMode.REQUIRED) String eventType,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) RegionRequest region,
        @Schema(example = "2026-07-01") LocalDate asOf,
        @Schema(example = "{\"cases\": 12, \"countiesAffected\": 1}") Map<String, Object> indicators) {

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
