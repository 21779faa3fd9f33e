package org.beacon.service.ruleset;

import org.beacon.rules.WorkbookBuilder;

/**
 * Versions of a small cholera grading workbook that differ in one threshold, with test sheets that match: version
 * {@code n} grades Ⅱ from {@code iiFrom} cases, Ⅲ from 10, Ⅳ from 1.
 */
public final class GradingWorkbooks {

    private GradingWorkbooks() {
    }

    /** Points the application at a fresh folder under {@code root} holding version 1 (Ⅱ from 30), and a database. */
    static void startWithVersionOne(java.nio.file.Path root,
            org.springframework.test.context.DynamicPropertyRegistry registry) throws java.io.IOException {
        java.nio.file.Files.createDirectories(root.resolve("tables"));
        java.nio.file.Files.write(root.resolve("tables/grading.xlsx"), grading(30));
        registry.add("beacon.tables-dir", () -> "./" + root.resolve("tables"));
        registry.add("beacon.data-dir", () -> "./" + root.resolve("data"));
    }

    public static byte[] grading(int iiFrom) {
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
