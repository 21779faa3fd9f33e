package org.beacon.service.retention;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.beacon.service.retention.RetentionProblems.AuditExportFailedException;
import org.beacon.service.retention.RetentionProblems.RetentionNotSetException;
import org.beacon.service.web.RefusesUnknownParameters;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** How much the audit trail holds and how retention moves its old rows out; admins only (the default rule). */
@RestController
@RequestMapping("/admin/audit/retention")
@Tag(name = "Operations", description = "Running the service")
class RetentionController {

    private final AuditRetention retention;

    RetentionController(AuditRetention retention) {
        this.retention = retention;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The audit trail's size and its retention", description = "Admins. Rows in the database, "
            + "their estimated size, the oldest row's time, the setting (beacon.audit.retention) and its cut-off, the "
            + "schedule, the export files so far and the last export with its state.")
    @RefusesUnknownParameters
    RetentionViews.Status status() {
        return retention.status();
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Run audit retention now", description = "Admins. Finishes an export a stopped run left, "
            + "then exports the rows older than the setting to verified files and deletes them; waits for a run "
            + "already going. 200 with what it did; 409 when beacon.audit.retention is not set; 500 "
            + "(audit-export-failed) when a file could not be written or read back, no row of it deleted.")
    @RefusesUnknownParameters
    RetentionViews.Run run() {
        if (!retention.retains()) {
            throw new RetentionNotSetException();
        }
        AuditRetention.Outcome done;
        try {
            done = retention.run();
        } catch (IllegalStateException e) {
            throw new AuditExportFailedException(e.getMessage());
        }
        return new RetentionViews.Run(done.exports(), done.rowsArchived(), done.resumed(), retention.status());
    }
}
