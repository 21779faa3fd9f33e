/**
 * Audit retention ({@code beacon.audit.retention}): rows of the audit trail older than the setting are exported to
 * verified gzip JSON-lines files under {@code <beacon.data-dir>/audit-archive/} and only then deleted, in small
 * batches of their own; an export record per file makes a run cut off by a kill finish on the next one. Archived
 * decisions stay readable for the console's links. {@code GET/POST /admin/audit/retention} for admins.
 */
package org.beacon.service.retention;
