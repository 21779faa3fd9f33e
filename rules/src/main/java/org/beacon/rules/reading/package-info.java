/**
 * Parsing workbooks into the model: dictionaries, parameters, colours, actions, decision tables and test sheets, each
 * cell into a typed value or a diagnostic at its cell, never into code. {@link org.beacon.rules.reading.RuleSetReader}
 * is the one door (workbook files in, counted against the version's budget, then model and diagnostics out); the
 * parsers behind it are package-private. Uses the model and {@code workbook}.
 */
package org.beacon.rules.reading;
