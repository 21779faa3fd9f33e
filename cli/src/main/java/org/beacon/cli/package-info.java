/**
 * The {@code beacon} command line for experts: {@code check}, {@code evaluate}, {@code diff} and {@code replay} on
 * folders of workbooks, with exit status 0, 1 (workbook or input errors) or 2 (usage). Uses the rules' facade, model,
 * decision records, replay and diff only.
 */
package org.beacon.cli;
