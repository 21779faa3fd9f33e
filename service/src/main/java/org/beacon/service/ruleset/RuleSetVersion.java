package org.beacon.service.ruleset;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A stored rule-set version.
 *
 * @param id {@code v1}, {@code v2}, … in upload order
 * @param sequence the number in the id
 * @param contentHash SHA-256 of its workbooks (names and bytes); with the effective date, what identifies it
 * @param author who uploaded it
 * @param comment why
 * @param createdAt when
 * @param effectiveFrom the first situation date ({@code asOf}) it applies to once activated; null for all dates
 * @param rolledBack true once rolled back: its activations no longer count
 * @param warnings warnings its compilation reported
 * @param testsPassed test cases of its test sheets (all passed, or it would not have been stored)
 * @param workbooks its workbooks' file names
 */
public record RuleSetVersion(String id, int sequence, String contentHash, String author, String comment,
        Instant createdAt, LocalDate effectiveFrom, boolean rolledBack, int warnings, int testsPassed,
        List<String> workbooks) {

    /**
     * What makes a version one version: the content of its workbooks and its effective date, so the same workbooks
     * with another date are another version. {@code <content hash>@2027-01-01}, or {@code <content hash>@any} for a
     * version without a date. Stored, unique, in {@code rule_set.identity_key}.
     */
    public static String identityKey(String contentHash, LocalDate effectiveFrom) {
        return contentHash + "@" + (effectiveFrom == null ? "any" : effectiveFrom.toString());
    }
}
