/**
 * Replaying a historical timeline through one or two rule sets, region by region and step by step, keeping each
 * region's recommended response level: reading the inputs ({@link org.beacon.rules.replay.ReplayInput}: a timeline
 * and the actual decisions), deriving each step's indicators, and telling what happens to
 * {@link org.beacon.rules.replay.Replayer.Listener}s as events. Above the facade; knows no output format.
 */
package org.beacon.rules.replay;
