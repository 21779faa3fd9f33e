package org.beacon.rules;

import java.util.List;
import java.util.Map;
import org.beacon.rules.decision.Decision;
import org.beacon.rules.decision.Margins;
import org.beacon.rules.engine.RuleBase;
import org.beacon.rules.evaluation.RuleSetEvaluator;
import org.beacon.rules.evaluation.SituationValues;
import org.beacon.rules.model.DecisionTable;
import org.beacon.rules.model.Dictionary;
import org.beacon.rules.model.RuleSetModel;
import org.beacon.rules.model.Situation;
import org.beacon.rules.model.SituationProblem;
import org.beacon.rules.model.VersionSize;

/**
 * A rule set ready to decide: the validated tables, their compiled rules, and an identity (id and content hash).
 * Immutable and thread-safe; evaluation never reads a workbook.
 *
 * <p>A decision is one trip: {@link #check} computes a situation's canonical values and signal statistics once,
 * and {@link #evaluate(CheckedSituation, boolean)} decides from them, however often it is called.
 */
public final class CompiledRuleSet {

    private final RuleSetEvaluator evaluator;
    private final VersionSize size;

    CompiledRuleSet(RuleSetEvaluator evaluator, VersionSize size) {
        this.evaluator = evaluator;
        this.size = size;
    }

    public String id() {
        return evaluator.id();
    }

    /** The same compiled rules under another id (e.g. the version id a store assigns after compiling). */
    public CompiledRuleSet withId(String newId) {
        return new CompiledRuleSet(evaluator.withId(newId), size);
    }

    /** Its workbooks' size as the budget counted it; {@link VersionSize#retainedBytes()} estimates its heap. */
    public VersionSize size() {
        return size;
    }

    public String contentHash() {
        return evaluator.contentHash();
    }

    /** The JSON Schema of the situations this rule set decides ({@link SituationSchema}). */
    public java.util.Map<String, Object> situationSchema() {
        return SituationSchema.of(id(), dictionary());
    }

    public Dictionary dictionary() {
        return evaluator.model().dictionary();
    }

    public List<DecisionTable> tables() {
        return evaluator.model().tables();
    }

    public RuleSetModel model() {
        return evaluator.model();
    }

    /** The compiled rules, for tests and benchmarks that look at what Drools was given. */
    public RuleBase ruleBase() {
        return evaluator.ruleBase();
    }

    /**
     * Checks a situation against this rule set's dictionary: its values, its signals' statistics, and what does not
     * fit (empty {@link CheckedSituation#problems()} when it can be decided).
     */
    public CheckedSituation check(Situation situation) {
        return new CheckedSituation(situation, SituationValues.check(situation, dictionary()));
    }

    /**
     * Decides one situation, with the per-condition explanation.
     *
     * @throws InvalidSituationException when the situation does not fit the dictionary
     */
    public Decision evaluate(Situation situation) {
        return evaluate(check(situation), true);
    }

    /**
     * Decides one situation; without {@code explain} the matches carry no per-condition explanation (faster, for
     * replays of many region-days).
     *
     * @throws InvalidSituationException when the situation does not fit the dictionary
     */
    public Decision evaluate(Situation situation, boolean explain) {
        return evaluate(check(situation), explain);
    }

    /**
     * Decides a situation this rule set (or one with the same dictionary, see {@link #withId}) has checked, from the
     * values the check computed.
     *
     * @throws InvalidSituationException when the check found problems
     * @throws IllegalArgumentException when another rule set's dictionary checked it
     */
    public Decision evaluate(CheckedSituation checked, boolean explain) {
        List<SituationProblem> problems = checked.problems();
        if (!problems.isEmpty()) {
            throw new InvalidSituationException(problems);
        }
        return evaluator.evaluate(checked.values(), explain);
    }

    /**
     * How far a decision is from the next answer: for each numeric indicator the situation gave, the nearest values
     * above and below at which the grade, warning colour, reporting duty or risk level would change. Decides the
     * situation once per stretch between the rows' boundaries that it walks past, on the same path as
     * {@link #evaluate(CheckedSituation, boolean)}.
     *
     * @param decided what {@link #evaluate(CheckedSituation, boolean)} decided for {@code checked}
     * @throws InvalidSituationException when the check found problems
     */
    public Margins margins(CheckedSituation checked, Decision decided) {
        if (!checked.isValid()) {
            throw new InvalidSituationException(checked.problems());
        }
        return evaluator.margins(checked.values(), decided);
    }

    /**
     * Decides canonical values as a test sheet gives them (for tests that look at which rows the sheets reach).
     */
    Decision evaluateValues(Map<String, Object> given, boolean explain) {
        return evaluator.evaluateValues(given, explain);
    }
}
