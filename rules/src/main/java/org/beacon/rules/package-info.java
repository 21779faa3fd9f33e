/**
 * The facade of the rules library, on top of reading, analysis, the engine and evaluation:
 * {@link org.beacon.rules.RuleSetCompiler} turns workbooks into a {@link org.beacon.rules.Compilation} (every
 * diagnostic, every test outcome, the time of each compile phase, and the {@link org.beacon.rules.CompiledRuleSet}
 * when there was no error); a compiled rule set checks a situation once
 * ({@link org.beacon.rules.CheckedSituation}) and decides it. Callers (the service, the command line, replay) use
 * this package, the model, the decision records, replay and diff, never the packages behind the facade.
 */
package org.beacon.rules;
