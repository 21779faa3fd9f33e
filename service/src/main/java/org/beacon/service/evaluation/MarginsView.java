package org.beacon.service.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import org.beacon.rules.decision.Margins;
import org.beacon.rules.decision.Margins.Answer;
import org.beacon.rules.decision.Margins.IndicatorMargin;
import org.beacon.rules.decision.Margins.Margin;
import org.beacon.service.evaluation.EvaluationResponse.AreaRiskView;
import org.beacon.service.evaluation.EvaluationResponse.GradeView;
import org.beacon.service.evaluation.EvaluationResponse.LevelView;

/** A decision's margins as callers receive them ({@code ?margins=true}) and as the audit keeps them. */
public final class MarginsView {

    private MarginsView() {
    }

    /**
     * One numeric indicator of the situation.
     *
     * @param range the values the dictionary allows: where a change was looked for
     * @param above the nearest higher value at which the answer changes ({@code changes} false when none in range)
     * @param sameAnswerAbove a nearer value at which other rows match with the same answer, when there is one
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IndicatorMarginView(String indicator, BigDecimal value, String unit, String range, MarginView above,
            MarginView below, MarginView sameAnswerAbove, MarginView sameAnswerBelow) {
    }

    /**
     * @param changes true when the answer changes there; false for a same-answer step, and alone when no value in
     *     range changes the answer
     * @param bound {@code at} when the answer changes at {@code value} itself; {@code above} or {@code below} when
     *     it changes past it but not at it (a decimal at an open end)
     * @param rows the rows that would give what changes
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MarginView(boolean changes, BigDecimal value, String bound, BigDecimal distance, AnswerView answer,
            List<String> rows) {
    }

    /** What the answer would then be: the four parts whose change counts. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AnswerView(GradeView grade, String warningColour, Reporting reporting, LevelView riskLevel,
            AreaRiskView areaRisk) {
    }

    public record Reporting(boolean required, Integer withinHours) {
    }

    static List<IndicatorMarginView> of(Margins margins) {
        return margins.indicators().stream().map(MarginsView::of).toList();
    }

    private static IndicatorMarginView of(IndicatorMargin m) {
        return new IndicatorMarginView(m.indicator(), m.value(), m.unit() == null || m.unit().isEmpty() ? null
                : m.unit(), m.range(), change(m.above(), true), change(m.below(), false),
                step(m.sameAnswerAbove(), true, false), step(m.sameAnswerBelow(), false, false));
    }

    private static MarginView change(Margin m, boolean up) {
        return m == null ? new MarginView(false, null, null, null, null, null) : step(m, up, true);
    }

    private static MarginView step(Margin m, boolean up, boolean changes) {
        if (m == null) {
            return null;
        }
        return new MarginView(changes, m.value(), m.beyond() ? up ? "above" : "below" : "at", m.distance(),
                answer(m.answer()), m.rows());
    }

    private static AnswerView answer(Answer a) {
        return new AnswerView(GradeView.of(a.grade()), a.colour() == null ? null : a.colour().code(),
                new Reporting(a.reportingRequired(), a.reportWithinHours()),
                LevelView.of(a.riskLevel()), AreaRiskView.of(a.areaRisk()));
    }
}
