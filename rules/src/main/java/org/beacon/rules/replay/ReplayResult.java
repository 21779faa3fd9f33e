package org.beacon.rules.replay;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.WarningColour;

/** The records a replay produces: steps as they stream, transitions, and the summary kept at the end. */
public final class ReplayResult {

    private ReplayResult() {
    }

    /**
     * One region on one date (or month).
     *
     * @param indicators what the replay derived and the tables saw
     * @param arms what each compared rule set said, in the order the arms were given
     * @param actual the level in force according to the actual decisions, or null (none, or no actual file)
     */
    public record Step(String region, String regionName, LocalDate date, Map<String, Object> indicators,
            List<ArmStep> arms, Grade actual) {
    }

    /**
     * @param ruleSet the version that decided this step
     * @param decided the grade the tables decided that day (before the escalation state)
     * @param colour the warning colour that day
     * @param level the recommended response level after the step (null: no response)
     * @param transition the change of level on this step, or null
     * @param problem why the step could not be decided (a derived value outside the dictionary's range), or null
     */
    public record ArmStep(String ruleSet, Grade decided, WarningColour colour, Grade level, Transition transition,
            String problem) {
    }

    /**
     * A change of the recommended response level, explained.
     *
     * @param kind {@code activate}, {@code raise}, {@code lower} or {@code end}
     * @param rows the rows that caused it ({@code Escalation!R8})
     * @param reasons each of their conditions with the value it was tested against ({@code newCases7d ≥ 100: 134})
     */
    public record Transition(String region, String regionName, LocalDate date, String arm, String kind, Grade from,
            Grade to, List<String> rows, List<String> reasons) {
    }

    /** A period in which two arms recommend different levels for a region (both ends included). */
    public record Divergence(String region, String regionName, LocalDate from, LocalDate to, Grade first,
            Grade second) {
    }

    /**
     * An actual change of level against the tables' recommendation.
     *
     * @param recommended the date the first arm recommended the same level (the nearest such change), or null
     * @param lagDays {@code recommended − actual} in days: negative when the tables were earlier, null when they
     *     never recommended it
     */
    public record ActualCheck(String region, LocalDate date, Grade from, Grade to, LocalDate recommended,
            Long lagDays, String note) {
    }

    /**
     * The comparison with what officials decided.
     *
     * @param daysCompared region-steps of regions that appear in the actual decisions
     * @param daysAgreeing of those, the steps where the recommended level equals the actual one
     */
    public record Comparison(List<ActualCheck> transitions, long daysCompared, long daysAgreeing) {

        public double agreement() {
            return daysCompared == 0 ? 0 : (double) daysAgreeing / daysCompared;
        }
    }

    /**
     * @param ruleSets the versions that decided its steps
     * @param levelSteps region-steps spent at each recommended level ({@code none} for no response)
     */
    public record ArmSummary(String label, List<String> ruleSets, Map<String, Long> levelSteps, long undecided) {
    }

    /** What a reviewer keeps from a run. */
    public record Summary(Timeline.Step step, int regions, long steps, LocalDate first, LocalDate last,
            List<ArmSummary> arms, List<Transition> transitions, List<Divergence> divergences, Comparison actual,
            List<DataIssue> issues, long millis) {

        public double stepsPerSecond() {
            return millis == 0 ? steps : steps * 1000.0 / millis;
        }
    }
}
