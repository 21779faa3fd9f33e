/**
 * What changed between two rule sets, table by table, the way an expert reads them: indicators and parameters, rows
 * added or removed, answers changed and thresholds moved. Uses the model only.
 */
package org.beacon.rules.diff;
