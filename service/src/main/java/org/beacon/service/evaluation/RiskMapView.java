package org.beacon.service.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.beacon.rules.model.AreaRisk;
import org.beacon.rules.model.TypedOutputs;
import org.beacon.service.evaluation.EvaluationResponse.CheckView;
import org.beacon.service.evaluation.EvaluationResponse.MatchView;
import org.beacon.service.evaluation.EvaluationResponse.TableView;

/** One region of the risk map, read off its full decision: the colour and the rows (with values) that gave it. */
public final class RiskMapView {

    private RiskMapView() {
    }

    public static RiskMapResponse.RegionRisk of(int index, EvaluationResponse decision) {
        List<CheckView> reasons = new ArrayList<>();
        for (MatchView m : colouring(decision)) {
            if (m.explanation() != null) {
                reasons.addAll(m.explanation());
            }
        }
        EvaluationResponse.AreaRiskView risk = decision.areaRisk();
        return new RiskMapResponse.RegionRisk(index, decision.situation().region(), decision.evaluationId(),
                risk == null ? null : risk.colour(), risk == null ? null : risk.colourZh(),
                risk == null ? null : risk.risk(), risk == null ? null : risk.riskEn(), rules(decision), reasons,
                decision.margins());
    }

    /**
     * A region of the map from what the audit row keeps of it (V11): its colour and rows, without the values behind
     * them, which only the stored answer holds.
     *
     * @param colour the area-risk code, or null when no row gave one
     */
    static RiskMapResponse.RegionRisk of(int index, EvaluationResponse.RegionView region, UUID evaluationId,
            String colour, List<String> rules) {
        EvaluationResponse.AreaRiskView risk = AreaRisk.parse(colour).map(EvaluationResponse.AreaRiskView::of)
                .orElse(null);
        return new RiskMapResponse.RegionRisk(index, region, evaluationId, risk == null ? null : risk.colour(),
                risk == null ? null : risk.colourZh(), risk == null ? null : risk.risk(),
                risk == null ? null : risk.riskEn(), rules, List.of(), null);
    }

    /** The ids of the rows that gave the decision its area-risk colour, in table order. */
    static List<String> rules(EvaluationResponse decision) {
        return colouring(decision).stream().map(MatchView::ruleId).toList();
    }

    private static List<MatchView> colouring(EvaluationResponse decision) {
        List<MatchView> found = new ArrayList<>();
        for (TableView t : decision.tables()) {
            for (MatchView m : t.matches()) {
                if (m.outputs() != null && m.outputs().containsKey(TypedOutputs.AREA_RISK)) {
                    found.add(m);
                }
            }
        }
        return found;
    }
}
