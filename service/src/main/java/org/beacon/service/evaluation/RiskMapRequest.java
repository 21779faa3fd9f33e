package org.beacon.service.evaluation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Many regions to place on the five-colour risk map at once.
 *
 * @param eventType the event the map is for, a value of {@code eventType} (e.g. {@code covid19})
 * @param asOf the day the indicators describe
 * @param regions each region with its indicators
 * @param boundaries optional: a GeoJSON FeatureCollection of the regions' outlines keyed by region code
 *     ({@code properties.code} or the feature's {@code id}), for the console's choropleth; checked, not answered
 */
@Schema(description = "Regions to colour on the five-colour risk map (疫情五色图)")
public record RiskMapRequest(@Schema(example = "covid19", requiredMode = Schema.RequiredMode.REQUIRED) String eventType,
        @Schema(example = "2020-02-12") LocalDate asOf,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Entry> regions,
        @Schema(description = "optional GeoJSON FeatureCollection of the regions' outlines (Polygon or MultiPolygon "
                + "in longitude/latitude), each feature keyed by its region's code in properties.code or id: the "
                + "console draws the map from it; checked (400 naming the feature) but not part of the answer")
        tools.jackson.databind.JsonNode boundaries) {

    /**
     * @param region the region (code, name, level)
     * @param indicators its indicators (cumulativeConfirmed, newCases7d, clusters14d, …; see GET /indicators)
     */
    public record Entry(EvaluationRequest.RegionRequest region,
            @Schema(example = "{\"cumulativeConfirmed\": 60, \"newCases7d\": 4, \"clusters14d\": 1}")
            Map<String, Object> indicators) {
    }
}
