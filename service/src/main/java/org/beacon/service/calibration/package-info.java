/**
 * Calibration over HTTP ({@code POST /calibrations}): the sweep of {@code beacon calibrate} as a stored long run,
 * refused before any work as the command line refuses it, with progress, the ranked combinations, the cells to type
 * into the Parameters sheet, and the CSV and XLSX reports. Never changes a workbook.
 */
package org.beacon.service.calibration;
