package org.beacon.service.retention;

import org.beacon.service.web.ProblemException;
import org.beacon.service.web.ProblemType;

/** The problems of audit retention, each with its fixed type. */
final class RetentionProblems {

    private RetentionProblems() {
    }

    /** A run was asked for while the setting keeps everything. Becomes a 409 problem. */
    static final class RetentionNotSetException extends ProblemException {
        static final ProblemType KIND = new ProblemType("audit-retention-not-set", 409, "Audit retention not set");

        RetentionNotSetException() {
            super(KIND, "beacon.audit.retention is not set, so every audited decision is kept and there is nothing "
                    + "to export; set it (at least " + RetentionSetting.MINIMUM.getDays() + "d) and restart");
        }
    }

    /** An export could not be written or read back; no row of it was deleted. Becomes a 500 problem. */
    static final class AuditExportFailedException extends ProblemException {
        static final ProblemType KIND = new ProblemType("audit-export-failed", 500, "Audit export failed");

        AuditExportFailedException(String detail) {
            super(KIND, detail);
        }
    }
}
