package org.beacon.service.ruleset;

import org.beacon.rules.WorkbookBuilder;

/**
 * Versions of a small cholera grading workbook that differ in one threshold, with test sheets that match: version
 * {@code n} grades Ⅱ from {@code iiFrom} cases, Ⅲ from 10, Ⅳ from 1.
 */
final class GradingWorkbooks {

    private GradingWorkbooks() {
    }

    static byte[] grading(int iiFrom) {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("Cholera").row("Table", "Cholera 霍乱").row("Hit policy", "highest grade")
                .row("Event types", "cholera").row("Gaps", "expected").blank()
                .row("IF cases", "THEN grade", "SOURCE", "TAG")
                .row("≥" + iiFrom, "Ⅱ", "criteria §2 Ⅱ-4", "V")
                .row("10～" + (iiFrom - 1), "Ⅲ", "criteria §2 Ⅲ-3", "V")
                .row("1～9", "Ⅳ", "criteria §2 Ⅳ-2", "V");
        b.sheet("Tests").row("Tests").row("GIVEN eventType", "GIVEN cases", "EXPECT grade")
                .row("cholera", iiFrom, "Ⅱ").row("cholera", iiFrom - 1, "Ⅲ").row("cholera", 9, "Ⅳ");
        return b.bytes();
    }
}
