/**
 * The impact of a rule-set version before it is put in force ({@code POST /rule-sets/{id}/impact}): the audit trail's
 * situations of a window decided again with the version in force and the candidate, on the low-priority executor of
 * long runs, with progress, the report as JSON and as {@code report.xlsx}. Runs are stored ({@code analysis_run}) and
 * outlive a restart.
 */
package org.beacon.service.impact;
