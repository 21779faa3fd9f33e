/**
 * Long runs other than replays, kept like replays: impact runs and calibrations are stored in {@code analysis_run}
 * with their inputs, progress, summary and report files, run one at a time at the lowest priority on a bounded
 * executor, vouched for by heartbeats, and marked failed when their instance stopped before they ended.
 */
package org.beacon.service.runs;
