/** A calibration's ranking written as CSV and as an Excel workbook (with a heat map for two parameters). */
package org.beacon.rules.calibration.report;
