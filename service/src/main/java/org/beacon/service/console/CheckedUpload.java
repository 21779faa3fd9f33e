package org.beacon.service.console;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.beacon.rules.model.WorkbookSource;
import org.beacon.service.ruleset.RuleSetCheck;
import org.beacon.service.ruleset.WorkbookChanges;

/**
 * The last upload a browser session checked: the workbooks' exact bytes, the form's other fields and what the
 * check found. Kept in the session between "check" and "store as draft", so that what is stored is byte for byte
 * what was checked (against the same base, resolved at check time) and the expert need not choose the files again.
 * One per session: a new check replaces it, storing or discarding removes it, and it ends with the session, so a
 * session that ends between the two steps leaves nothing stored and nothing behind.
 *
 * @param id identifies this check in the page's "store" form, so a page left open from an earlier check cannot
 *     store a later one
 * @param result what the check found; its {@code base} is the version the draft would change
 */
record CheckedUpload(String id, List<WorkbookSource> uploaded, String comment, LocalDate effectiveFrom,
        Instant checkedAt, RuleSetCheck result) {

    static final String SESSION_ATTRIBUTE = CheckedUpload.class.getName();

    CheckedUpload {
        uploaded = List.copyOf(uploaded);
    }

    /** What storing it asks of the base: the uploaded workbooks replace or join the base's, the others are kept. */
    WorkbookChanges changes() {
        return new WorkbookChanges(uploaded, List.of(), false);
    }

    boolean isUploaded(String workbook) {
        return uploaded.stream().anyMatch(w -> w.name().equals(workbook));
    }

    long bytes(String workbook) {
        return uploaded.stream().filter(w -> w.name().equals(workbook)).mapToLong(w -> w.bytes().length).sum();
    }
}
