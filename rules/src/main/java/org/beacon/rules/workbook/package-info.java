/**
 * Reading {@code .xlsx} files into raw cells with POI, bounded and without evaluating anything: no formulas, macros,
 * external links or DOCTYPE, every unusable file a diagnostic. One of the two packages that use POI (the other writes
 * replay reports); uses the model only. The parsers of {@code reading} are its only callers.
 */
package org.beacon.rules.workbook;
