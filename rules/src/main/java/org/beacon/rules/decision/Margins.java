package org.beacon.rules.decision;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.beacon.rules.model.AreaRisk;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.RiskLevel;
import org.beacon.rules.model.WarningColour;

/**
 * How far a decision is from the next answer: for each numeric indicator the situation gave, the nearest value above
 * and below at which the answer would change, every other value held as it is. Statistics Beacon derives from signal
 * series are not indicators the situation gives, so they have no margins. Immutable.
 *
 * @param indicators one entry per numeric indicator of the situation, in the order it gave them
 */
public record Margins(List<IndicatorMargin> indicators) {

    public Margins {
        indicators = List.copyOf(indicators);
    }

    /**
     * One indicator's margins.
     *
     * @param indicator its name
     * @param value the value the situation gave
     * @param unit its unit from the dictionary, or null
     * @param range the values it may take, from the dictionary ({@code [0, 3000]}): where "no change" was looked for
     * @param above the nearest higher value at which the answer changes; null when none does within the indicator's
     *     range
     * @param below the same, lower
     * @param sameAnswerAbove the nearest higher value, closer than {@code above}, at which other rows match while the
     *     answer stays the same (e.g. a second row of the same grade); null when there is none
     * @param sameAnswerBelow the same, lower
     */
    public record IndicatorMargin(String indicator, BigDecimal value, String unit, String range, Margin above, Margin below,
            Margin sameAnswerAbove, Margin sameAnswerBelow) {
    }

    /**
     * A value at which the answer would be another.
     *
     * @param value an integer indicator's next whole value, or a decimal indicator's boundary as its cell writes it
     * @param beyond true when the answer changes past {@code value} but not at it (a decimal at an open end: "above
     *     10", "below 10"); false when it changes at {@code value} itself
     * @param distance how far {@code value} is from the situation's value (never negative)
     * @param answer what the answer would then be
     * @param rows the rows that would give what changes (for a same-answer step: the rows that would match there and
     *     do not now)
     */
    public record Margin(BigDecimal value, boolean beyond, BigDecimal distance, Answer answer, List<String> rows) {
        public Margin {
            rows = List.copyOf(rows);
        }
    }

    /**
     * The parts of a decision whose change counts as another answer: grade, warning colour, reporting duty (whether
     * one, and its time limit), risk level (the warning tables' risk level and the risk map's area colour).
     */
    public record Answer(Grade grade, WarningColour colour, boolean reportingRequired, Integer reportWithinHours,
            RiskLevel riskLevel, AreaRisk areaRisk) {

        public static Answer of(Decision d) {
            return new Answer(d.grade(), d.colour(), d.reporting().required(), d.reporting().withinHours(),
                    d.riskLevel(), d.areaRisk());
        }

        /** True when the reporting duty differs between the two answers. */
        public boolean reportingDiffers(Answer other) {
            return reportingRequired != other.reportingRequired
                    || !Objects.equals(reportWithinHours, other.reportWithinHours);
        }
    }
}
