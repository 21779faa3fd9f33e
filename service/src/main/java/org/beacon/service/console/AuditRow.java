package org.beacon.service.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.WarningColour;
import org.beacon.service.evaluation.EvaluationSummary;

/**
 * One decision of the audit trail as the console shows it: its grade and colour as the words and marks of the
 * fragments, its time in the console's zone.
 *
 * @param grade null when the decision gave none
 * @param colour null when the decision gave none
 */
record AuditRow(UUID id, Instant instant, ZonedDateTime at, String regionCode, String regionName, String eventType,
        Grade grade, WarningColour colour, boolean noMatch, String ruleSetId, String caller, List<String> firedRules) {

    static AuditRow of(EvaluationSummary s, ZoneId zone) {
        return new AuditRow(s.evaluationId(), s.evaluatedAt(), s.evaluatedAt().atZone(zone), s.regionCode(),
                s.regionName(), s.eventType(), grade(s.grade()), WarningColour.parse(s.warningColour()).orElse(null),
                s.noMatch(), s.ruleSetId(), s.caller(), s.firedRules());
    }

    /** A grade as the audit stores it ({@code III}), or null. */
    static Grade grade(String level) {
        if (level == null) {
            return null;
        }
        try {
            return Grade.valueOf(level);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** How serious the answer is, for comparing two decisions: 0 for none, 4 for grade Ⅰ; colour breaks ties. */
    int seriousness() {
        int g = grade == null ? 0 : Grade.values().length - grade.ordinal();
        int c = colour == null ? 0 : WarningColour.values().length - colour.ordinal();
        return g * 10 + c;
    }
}
