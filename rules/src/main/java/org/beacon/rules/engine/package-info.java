/**
 * The rule engine, and the only package that sees Drools: rules written from the typed model (never from cell text),
 * compiled into a {@link org.beacon.rules.engine.RuleBase}, and fired for a situation's canonical values to find
 * every row whose conditions hold. Uses the model only.
 */
package org.beacon.rules.engine;
