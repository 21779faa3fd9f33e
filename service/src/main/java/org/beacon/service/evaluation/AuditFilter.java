package org.beacon.service.evaluation;

import java.time.Instant;

/**
 * Which rows of the audit trail a reviewer asks for; null means "any". Each filter has an index of its own that ends
 * in the evaluation time (migrations V1 and V9).
 *
 * @param grade a grade as stored: {@code I} … {@code IV}
 * @param colour a warning colour's code: {@code red}, {@code orange}, {@code yellow}, {@code blue}
 * @param ruleSet a version id ({@code v1})
 * @param to exclusive
 */
public record AuditFilter(String region, String eventType, String grade, String colour, String ruleSet,
        String caller, Instant from, Instant to) {

    /** Every row. */
    public static AuditFilter any() {
        return new AuditFilter(null, null, null, null, null, null, null, null);
    }
}
