/**
 * The vocabulary and the typed model at the bottom of the rules library, using no other Beacon package: grades,
 * colours, risk levels, regions and situations; the dictionary, decision tables, rules, conditions and their criteria
 * as a workbook says them once read and validated ({@link org.beacon.rules.model.RuleSetModel}); diagnostics with
 * their cells; workbook files, the limits they are read within and the budget a version compiles within; dates as
 * Beacon reads them; and how text typed by experts is normalised.
 * Immutable records and enums, except the diagnostic collector {@link org.beacon.rules.model.Findings}.
 */
package org.beacon.rules.model;
