package org.beacon.service.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.beacon.service.evaluation.EvaluationResponse.CheckView;
import org.beacon.service.evaluation.EvaluationResponse.RegionView;
import org.beacon.service.evaluation.EvaluationResponse.RuleSetRef;

/**
 * The risk map: each region's colour with the rows and values behind it. Every region's decision is audited under
 * {@code batchId} (and its own {@code evaluationId}).
 *
 * @param colours how many regions got each colour ({@code none} when no row gave one)
 */
public record RiskMapResponse(UUID batchId, RuleSetRef ruleSet, LocalDate asOf, int count,
        Map<String, Integer> colours, List<RegionRisk> regions) {

    /**
     * @param colour {@code red}, {@code orange}, {@code yellow}, {@code blue}, {@code green}, or null when no row
     *        gave one
     * @param rules the rows that gave the colour; {@code reasons} each of their conditions with the region's value
     * @param margins on request ({@code ?margins=true}): how close each indicator is to another answer
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RegionRisk(int index, RegionView region, UUID evaluationId, String colour, String colourZh,
            String risk, String riskEn, List<String> rules, List<CheckView> reasons,
            List<MarginsView.IndicatorMarginView> margins) {
    }
}
