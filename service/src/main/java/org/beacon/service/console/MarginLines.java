package org.beacon.service.console;

import java.math.BigDecimal;
import java.util.List;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.WarningColour;
import org.beacon.service.evaluation.MarginsView;

/**
 * A decision's margins as the console shows them: per numeric indicator, the nearest value above and below at which
 * the answer changes, how far it is, and the grade and colour it would then be, with the rows that would give it.
 */
record MarginLines(List<Line> lines) {

    /** One indicator: its value and the nearest change each way (null when no value in range changes the answer). */
    record Line(String indicator, BigDecimal value, String unit, Step above, Step below) {
    }

    /** @param bound {@code at}, {@code above} or {@code below}: whether the change is at the value or just past it */
    record Step(BigDecimal value, String bound, BigDecimal distance, Grade grade, WarningColour colour,
            List<String> rows) {
    }

    static MarginLines of(List<MarginsView.IndicatorMarginView> margins) {
        return new MarginLines(margins.stream().map(m -> new Line(m.indicator(), m.value(), m.unit(),
                step(m.above()), step(m.below()))).toList());
    }

    private static Step step(MarginsView.MarginView m) {
        if (m == null || !m.changes()) {
            return null;
        }
        MarginsView.AnswerView a = m.answer();
        return new Step(m.value(), m.bound(), m.distance(),
                a == null || a.grade() == null ? null : AuditRow.grade(a.grade().level()),
                a == null ? null : WarningColour.parse(a.warningColour()).orElse(null),
                m.rows() == null ? List.of() : m.rows());
    }

    /**
     * The nearest change upwards that makes the answer more serious, as a share of the value (0.1 when 10 % more
     * would escalate), or null when none does: how "close to escalation" a region is.
     */
    static Double closeness(Line line, Grade grade, WarningColour colour) {
        Step up = line.above();
        if (up == null || up.distance() == null || line.value() == null) {
            return null;
        }
        boolean graver = up.grade() != null && (grade == null || up.grade().isMoreSeriousThan(grade))
                || up.colour() != null && (colour == null || up.colour().isMoreSeriousThan(colour));
        if (!graver) {
            return null;
        }
        double base = Math.max(Math.abs(line.value().doubleValue()), 1);
        return up.distance().abs().doubleValue() / base;
    }
}
