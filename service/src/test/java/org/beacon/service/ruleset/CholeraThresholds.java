package org.beacon.service.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.beacon.rules.Workbooks;

/**
 * The bundled {@code national-grading.xlsx} as an expert edits its cholera threshold (Ⅱ from 30 cases, sheet
 * {@code Cholera} row 8): first with a slip in the threshold cell, then corrected to Ⅱ from 25 cases with the rows
 * and test cases that go with it. Each is made once, because POI stamps the time into every file it writes and the
 * same bytes must be the same version.
 */
public final class CholeraThresholds {

    public static final String WORKBOOK = "national-grading.xlsx";
    /** The threshold cell, as diagnostics and the grid name it. */
    public static final String THRESHOLD_CELL = "Cholera!A8";
    /** Text a browser must show as text: in a NOTE cell of the broken workbook. */
    public static final String HOSTILE = "<script>alert(1)</script>";

    private static final byte[] BUNDLED = bundled();
    private static final byte[] BROKEN = BrokenWorkbooks.withCells(BUNDLED, "Cholera",
            Map.of("A8", "≥ 3O", "J10", HOSTILE));
    private static final byte[] FROM_25_TESTS_NOT = BrokenWorkbooks.withCells(BUNDLED, "Cholera",
            Map.of("A8", "≥25", "A10", "10～24"));
    private static final byte[] FROM_25 = BrokenWorkbooks.withCells(FROM_25_TESTS_NOT, "Tests",
            Map.of("B33", 24, "B34", 25));

    private CholeraThresholds() {
    }

    /** The bundled workbook, as it is. */
    public static byte[] bundledWorkbook() {
        return BUNDLED.clone();
    }

    /** {@code ≥ 3O} (a letter O) in the threshold cell, and {@link #HOSTILE} in a note. */
    public static byte[] broken() {
        return BROKEN.clone();
    }

    /**
     * Ⅱ from 25 cases with the test cases left as they were: the case of 29 cases (Tests row 33) still expects Ⅲ
     * and gets Ⅱ.
     */
    public static byte[] from25TestsNotMoved() {
        return FROM_25_TESTS_NOT.clone();
    }

    /** Ⅱ from 25 cases (A8 {@code ≥25}, A10 {@code 10～24}), its boundary test cases moved to 24 and 25. */
    public static byte[] from25() {
        return FROM_25.clone();
    }

    private static byte[] bundled() {
        try {
            return Files.readAllBytes(Workbooks.root().resolve("tables").resolve(WORKBOOK));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
