package org.beacon.service.ruleset;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.beacon.rules.model.Diagnostic;
import org.beacon.rules.model.DiagnosticMessages;
import org.beacon.rules.model.Message;

/**
 * A rule-set version as the API shows it.
 *
 * @param status {@code draft} (never activated), {@code active} (in force on some dates) or {@code retired} (rolled
 *     back, or replaced on every date it covered)
 * @param inForceToday true for the version today's situations are decided with
 * @param diagnostics warnings and infos of its compilation (only in the answer to an upload)
 * @param testsPassed test cases of its test sheets, all passed
 * @param upload what the upload did (only in the answer to an upload)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleSetView(String id, String contentHash, String author, String comment, Instant createdAt,
        LocalDate effectiveFrom, String status, boolean inForceToday, List<String> workbooks, int warnings,
        int testsPassed, List<DiagnosticView> diagnostics, List<RuleSetEvent> events, UploadOutcome upload) {

    /**
     * What an upload did to its base version.
     *
     * @param base the version the upload changed: {@code base=}, or the version in force today (with
     *     {@code replace=all}, the version compared with)
     * @param existing true when the same workbooks with the same effective date were already a version, which is
     *     returned as it is (its comment too) and nothing is stored
     * @param detail the same in a sentence
     * @param removedWorkbooks the base's workbooks this version does not have (removed, or left out by
     *     {@code replace=all})
     * @param diff what changed from the base to this version
     */
    public record UploadOutcome(String base, boolean existing, String detail, List<String> removedWorkbooks,
            VersionDiff diff) {
    }

    /**
     * A diagnostic with its workbook and cell.
     *
     * @param detail its message in the language asked for
     * @param text the message as a key and arguments, to show it in another language; not part of the JSON
     */
    public record DiagnosticView(String severity, String workbook, String cell, String code, String detail,
            @JsonIgnore Message text) {

        public DiagnosticView(String severity, String workbook, String cell, String code, String detail) {
            this(severity, workbook, cell, code, detail, null);
        }

        static DiagnosticView of(Diagnostic d, Locale language) {
            return new DiagnosticView(d.severity().name().toLowerCase(Locale.ROOT), d.workbook(), d.location(),
                    d.code(), DiagnosticMessages.message(d, language), d.text());
        }

        /** The detail in {@code language}: 简体中文 or English. */
        public String detailIn(Locale language) {
            return text == null ? detail : DiagnosticMessages.render(text, language);
        }
    }
}
