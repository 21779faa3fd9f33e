/**
 * Calibration against history: sweeps a grid of the workbooks' named Parameters (never their cells), replays a
 * timeline once per combination, and ranks the combinations by how well they match the actual decisions. Above the
 * facade and replay; reports are written by {@code calibration.report}.
 */
package org.beacon.rules.calibration;
