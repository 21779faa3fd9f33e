package org.beacon.service.retention;

import java.time.Instant;
import java.time.Period;

/** The answers of {@code /admin/audit/retention}. */
final class RetentionViews {

    private RetentionViews() {
    }

    /**
     * @param retention the setting as written, null when unset
     * @param keepsEverything true when it is unset: no row is ever exported
     * @param minimum the least the setting may keep (the longest impact window)
     * @param cutOff rows stored before this are exported by a run now; null when every row is kept
     * @param schedule when runs start (cron, UTC)
     * @param batch rows deleted per transaction
     * @param rows rows in the database
     * @param estimatedBytes their size in the database, estimated from the newest rows
     * @param oldest when the oldest row in the database was stored
     * @param archive the export files so far
     * @param lastExport the newest export, or null
     */
    record Status(String retention, boolean keepsEverything, Period minimum, Instant cutOff, String schedule,
            int batch, long rows, long estimatedBytes, Instant oldest, Archive archive, Export lastExport) {
    }

    /** @param rows rows deleted from the database after their file was verified */
    record Archive(String folder, long exports, long rows) {
    }

    /**
     * @param state writing, verified (its rows being deleted), done or failed
     * @param deleted how many of its rows are deleted so far
     */
    record Export(String file, Instant createdAt, Instant cutOff, String state, Long rows, long deleted,
            Instant oldest, Instant newest, String sha256, Instant finishedAt, String error) {

        static Export of(AuditExports.Export e) {
            return new Export(e.file(), e.createdAt(), e.cutOff(), e.state(), e.rowCount(), e.deleted(), e.oldest(),
                    e.newest(), e.sha256(), e.finishedAt(), e.error());
        }
    }

    /** What {@code POST} did, and the status after it. */
    record Run(int exports, long rowsArchived, int resumed, Status status) {
    }
}
