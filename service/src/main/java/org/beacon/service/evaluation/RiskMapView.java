package org.beacon.service.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.beacon.rules.model.TypedOutputs;
import org.beacon.service.evaluation.EvaluationResponse.CheckView;
import org.beacon.service.evaluation.EvaluationResponse.MatchView;
import org.beacon.service.evaluation.EvaluationResponse.TableView;

/** One region of the risk map, read off its full decision: the colour and the rows (with values) that gave it. */
public final class RiskMapView {

    private RiskMapView() {
    }

    public static RiskMapResponse.RegionRisk of(int index, EvaluationResponse decision) {
        List<String> rules = new ArrayList<>();
        List<CheckView> reasons = new ArrayList<>();
        for (TableView t : decision.tables()) {
            for (MatchView m : t.matches()) {
                if (m.outputs() != null && m.outputs().containsKey(TypedOutputs.AREA_RISK)) {
                    rules.add(m.ruleId());
                    if (m.explanation() != null) {
                        reasons.addAll(m.explanation());
                    }
                }
            }
        }
        EvaluationResponse.AreaRiskView risk = decision.areaRisk();
        return new RiskMapResponse.RegionRisk(index, decision.situation().region(), decision.evaluationId(),
                risk == null ? null : risk.colour(), risk == null ? null : risk.colourZh(),
                risk == null ? null : risk.risk(), risk == null ? null : risk.riskEn(), rules, reasons,
                decision.margins());
    }
}
