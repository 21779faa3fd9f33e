/**
 * The impact report as an Excel workbook ({@link org.beacon.rules.impact.report.ImpactWorkbook}): summary,
 * transitions, rows gained and lost, invalid situations and the weekly alert burden with its chart. A package that
 * uses POI for writing only, beside {@code replay.report}. Uses impact and the model.
 */
package org.beacon.rules.impact.report;
