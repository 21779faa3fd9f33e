/**
 * Deciding with a compiled rule base: a situation checked once into canonical values and signal statistics
 * ({@link org.beacon.rules.evaluation.SituationValues}), then decided pass by pass, each table's hit policy
 * applied to the rows the engine matched ({@link org.beacon.rules.evaluation.RuleSetEvaluator}), and the test sheets
 * run exactly as situations are decided. Uses the model, the decision records, the engine and the signal statistics;
 * the facade is its only caller.
 */
package org.beacon.rules.evaluation;
