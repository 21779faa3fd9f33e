package org.beacon.service.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.beacon.rules.decision.ConditionCheck;
import org.beacon.rules.decision.Decision;
import org.beacon.rules.decision.RuleMatch;
import org.beacon.rules.decision.TableDecision;
import org.beacon.rules.model.Situation;
import org.beacon.rules.model.TypedOutputs;
import org.beacon.service.evaluation.EvaluationResponse.AreaRiskView;
import org.beacon.service.evaluation.EvaluationResponse.CheckView;
import org.beacon.service.evaluation.EvaluationResponse.GradeView;
import org.beacon.service.evaluation.EvaluationResponse.LevelView;
import org.beacon.service.evaluation.EvaluationResponse.MatchView;
import org.beacon.service.evaluation.EvaluationResponse.MeasureView;
import org.beacon.service.evaluation.EvaluationResponse.RegionView;
import org.beacon.service.evaluation.EvaluationResponse.ReportingView;
import org.beacon.service.evaluation.EvaluationResponse.ResponseView;
import org.beacon.service.evaluation.EvaluationResponse.RuleSetRef;
import org.beacon.service.evaluation.EvaluationResponse.SignalView;
import org.beacon.service.evaluation.EvaluationResponse.SituationView;
import org.beacon.service.evaluation.EvaluationResponse.TableView;

/** Renders a rule-engine decision as the API's JSON shape. Tables that do not apply to the event are left out. */
final class DecisionView {

    private DecisionView() {
    }

    static EvaluationResponse of(UUID id, Instant at, Situation s, Decision d, boolean explain) {
        List<TableView> tables = new ArrayList<>();
        for (TableDecision t : d.tables()) {
            if (t.outcome() == TableDecision.Outcome.NOT_APPLICABLE) {
                continue;
            }
            List<MatchView> matches = new ArrayList<>();
            for (RuleMatch m : t.matches()) {
                List<CheckView> why = null;
                if (explain) {
                    why = new ArrayList<>();
                    for (ConditionCheck c : m.explanation()) {
                        why.add(new CheckView(c.indicator(), c.cell(), c.test(), c.written(), c.actual()));
                    }
                }
                matches.add(new MatchView(m.ruleId(), GradeView.of(m.grade()),
                        m.colour() == null ? null : m.colour().code(), m.actions(), m.outputs(), m.source(), m.tag(),
                        why));
            }
            tables.add(new TableView(t.table(), t.title(), t.hitPolicy(),
                    t.outcome() == TableDecision.Outcome.MATCHED ? "matched" : "no_match", matches, t.overruled(),
                    t.signal()));
        }
        Map<String, Object> indicators = new LinkedHashMap<>(s.indicators());
        RegionView region = s.region() == null ? null : new RegionView(s.region().code(), s.region().name(),
                s.region().level());
        return new EvaluationResponse(id, at, new RuleSetRef(d.ruleSetId(), d.contentHash()),
                new SituationView(s.eventType(), region, s.asOf(), indicators), GradeView.of(d.grade()),
                d.colour() == null ? null : d.colour().code(), d.noMatch(), d.actions(), d.firedRules(), tables,
                d.response() == null ? null : new ResponseView(GradeView.of(d.response().grade()), d.response().given()),
                LevelView.of(d.riskLevel()), AreaRiskView.of(d.areaRisk()),
                new ReportingView(d.reporting().required(), d.reporting().withinHours(), d.reporting().reportTo(),
                        d.reporting().reportToEn(), d.reporting().rows()),
                termination(d.termination()),
                d.actionDetails().stream().map(a -> new MeasureView(a.code(), a.nameZh(), a.nameEn(), a.leadZh(),
                        a.leadEn(), a.responsibleZh(), a.responsibleEn(), a.withinHours(), a.source(), a.tag()))
                        .toList(),
                d.outputs().isEmpty() ? null : d.outputs(),
                d.signals().isEmpty() ? null : d.signals().stream().map(x -> new SignalView(x.source(), x.lastDay(),
                        x.statistics(), x.colour() == null ? null : x.colour().code(), x.rows())).toList(), null);
    }

    private static LevelView termination(String value) {
        if (value == null) {
            return null;
        }
        return TypedOutputs.MAY_END.equals(value) ? new LevelView("mayEnd", value, "the response may end")
                : new LevelView("continue", value, "the response continues");
    }
}
