/**
 * The starter workbook {@code beacon new} writes: a small, valid rule set with its About sheet, Dictionary,
 * Parameters, one table and a Tests sheet, in 简体中文 or English, with drop-down lists where a cell takes one of a
 * few words. The third package that writes with POI (after the replay and impact reports); it uses the model only
 * for the words cells may hold, so what the drop-downs offer is what the reader accepts.
 */
package org.beacon.rules.template;
