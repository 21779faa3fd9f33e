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
@Schema(description = "A situation to decide. The exact schema of a rule set's situations (each indicator's type, "
        + "range, values and unit, from its Dictionary) is GET /indicators/schema.")
public record EvaluationRequest(
        @Schema(example = "cholera", description = "the event type, a value of the Dictionary's eventType; required "
                + "when the rule set declares event types") String eventType,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "where it happens") RegionRequest region,
        @Schema(example = "2026-07-01", description = "the date the situation describes (YYYY-MM-DD); it picks the "
                + "version in force on that day") LocalDate asOf,
        @Schema(example = "{\"cases\": 12, \"countiesAffected\": 1}", description = "indicator values by "
                + "Dictionary name: numbers as written, true/false, or text; left out or null: missing, and a row "
                + "testing it does not match (GET /indicators/schema lists them)") Map<String, Object> indicators,
        @Schema(description = "surveillance signals for the multi-point warning tables") List<SignalRequest> signals) {

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
     * @param level a level the rule set's Dictionary declares for {@code adminLevel}; by default {@code province},
     *              {@code prefecture}, {@code county} or {@code township}
     */
    public record RegionRequest(
            @Schema(example = "330106", requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 50,
                    description = "administrative division code; the audit trail finds decisions by it") String code,
            @Schema(example = "杭州市西湖区", maxLength = 200, description = "display name") String name,
            @Schema(example = "county", description = "the region's level, one the Dictionary declares for adminLevel"
                    + " (GET /indicators/schema lists them); province, prefecture, county or township when it declares"
                    + " none; tables read it as adminLevel") String level) {
    }
}
