/**
 * CSV a spreadsheet opens as data: every CSV file Beacon writes goes through
 * {@link org.beacon.rules.csv.SafeCsvWriter}, so text from uploaded files never runs as a formula. Uses no other
 * Beacon package.
 */
package org.beacon.rules.csv;
