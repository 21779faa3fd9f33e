/**
 * The output formats of a replay, as listeners the caller attaches: {@code steps.csv} as the steps arrive and
 * {@code report.xlsx} (summary, transitions, actual decisions, data issues, a chart per region) at the end. The other
 * package that uses POI, for writing only. Uses replay, the model and {@code csv}.
 */
package org.beacon.rules.replay.report;
