/**
 * The impact of a rule-set version before it is put in force ({@code POST /rule-sets/{id}/impact}): the audit trail's
 * situations of a window decided again with the version in force and the candidate, on a low-priority executor of
 * its own, with progress, the report as JSON and as {@code report.xlsx}. Runs are kept in memory (a bounded number).
 */
package org.beacon.service.impact;
