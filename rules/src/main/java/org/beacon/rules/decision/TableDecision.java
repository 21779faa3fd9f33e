package org.beacon.rules.decision;

import java.util.List;

/**
 * What one table answered.
 *
 * @param table the sheet name
 * @param title the table's title (B1)
 * @param workbook the workbook it is in
 * @param hitPolicy {@code first match}, {@code highest grade} or {@code collect all}
 * @param outcome whether a row answered, none did, or the table does not apply (another event type, or the
 *     situation carries none of the indicators it tests)
 * @param matches the answering rows (one, or several under collect all); empty unless {@code MATCHED}
 * @param overruled rows whose conditions also held but that the hit policy did not pick, top to bottom
 * @param signal for a {@code For each: signal} table, the source of the signal this answer is about; else null
 */
public record TableDecision(String table, String title, String workbook, String hitPolicy, Outcome outcome,
        List<RuleMatch> matches, List<String> overruled, String signal) {

    public TableDecision {
        matches = List.copyOf(matches);
        overruled = List.copyOf(overruled);
    }

    public enum Outcome { MATCHED, NO_MATCH, NOT_APPLICABLE }
}
