package org.beacon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.beacon.rules.WorkbookBuilder;
import org.beacon.rules.WorkbookEdits;
import org.beacon.rules.Workbooks;
import org.junit.jupiter.api.Test;

/** What an expert sees from {@code beacon check} and {@code beacon evaluate}, and the exit status scripts see. */
class BeaconCommandTest extends CommandTest {

    private static Path tables() {
        return Workbooks.root().resolve("tables");
    }

    @Test
    void checksTheShippedTablesWithZeroErrors() {
        assertThat(run("check", tables().toString())).isZero();
        assertThat(out()).contains("tests: ").contains(" passed, 0 failed").contains("OK: 0 warning(s), no errors");
    }

    @Test
    void printsEachErrorWithItsCellAndFailsTheCheck() throws Exception {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("Cholera").row("Table", "Cholera").row("Hit policy", "first match").blank()
                .row("IF cases", "THEN grade").row("lots", "Ⅱ");
        Path file = temp.resolve("broken.xlsx");
        Files.write(file, b.bytes());
        assertThat(run("check", file.toString())).isEqualTo(BeaconCommand.WORKBOOK_ERRORS);
        assertThat(out()).contains("broken.xlsx Cholera!A5 ERROR WRONG_TYPE: cases is an integer; 'lots' is not")
                .contains("FAILED: 1 error(s)");
    }

    @Test
    void reportsAFailingTestSheetRowAsAnError() throws Exception {
        WorkbookBuilder b = WorkbookBuilder.cholera();
        b.sheet("Tests").row("Tests").row("GIVEN eventType", "GIVEN cases", "EXPECT grade")
                .row("cholera", 12, "Ⅱ");
        Path file = temp.resolve("tested.xlsx");
        Files.write(file, b.bytes());
        assertThat(run("check", file.toString())).isEqualTo(BeaconCommand.WORKBOOK_ERRORS);
        assertThat(out()).contains("Tests!C3 ERROR TEST_FAILED").contains("tests: 0 passed, 1 failed");
    }

    @Test
    void explainsADecisionWithRowsConditionsAndValues() {
        Path situation = Workbooks.root().resolve("examples/requests/cholera-county-12.json");
        assertThat(run("evaluate", tables().toString(), situation.toString())).isZero();
        assertThat(out()).contains("decision:  grade Ⅲ 较大, warning yellow 黄")
                .containsPattern("Cholera!R\\d+  grade Ⅲ  yellow")
                .containsPattern("cases \\[10, 29\\]  \\(value 12; Cholera!A\\d+");
    }

    @Test
    void printsTheDecisionAsJsonOnRequest() {
        Path situation = Workbooks.root().resolve("examples/requests/food-poisoning-100-no-deaths.json");
        assertThat(run("evaluate", tables().toString(), situation.toString(), "--json")).isZero();
        assertThat(out()).contains("\"grade\" : \"III\"").contains("\"firedRules\"");
    }

    @Test
    void namesTheFieldOfAnInvalidSituation() throws Exception {
        Path situation = temp.resolve("bad.json");
        Files.writeString(situation, "{\"eventType\":\"cholera\",\"region\":{\"code\":\"1\",\"level\":\"county\"},"
                + "\"indicators\":{\"cases\":-3,\"casez\":1}}");
        assertThat(run("evaluate", tables().toString(), situation.toString())).isEqualTo(BeaconCommand.USAGE);
        assertThat(err()).contains("/indicators/cases: -3 is outside the range of cases")
                .contains("/indicators/casez: unknown indicator 'casez'; did you mean cases?");
    }

    /** Runs {@code beacon evaluate} on a cholera situation with this asOf (JSON text) and these indicators. */
    private int evaluateCholera(String asOf, String indicators) throws Exception {
        Path situation = temp.resolve("situation.json");
        Files.writeString(situation, "{\"eventType\":\"cholera\",\"region\":{\"code\":\"1\",\"level\":\"county\"},"
                + "\"asOf\":" + asOf + ",\"indicators\":" + indicators + "}");
        return run("evaluate", tables().toString(), situation.toString());
    }

    /** Read through a double, 29.999999999999999999 was 30 and graded Ⅱ. */
    @Test
    void refusesAnIntegerWithAFractionHoweverSmall() throws Exception {
        assertThat(evaluateCholera("\"2026-07-01\"", "{\"cases\":29.999999999999999999}"))
                .isEqualTo(BeaconCommand.USAGE);
        assertThat(err()).contains("/indicators/cases: cases must be a whole number, not 29.999999999999999999");
    }

    @Test
    void refusesANumberWhoseExponentNoNumberCanHoldWithoutAStackTrace() throws Exception {
        assertThat(evaluateCholera("\"2026-07-01\"", "{\"cases\":1E+2147483648}")).isEqualTo(BeaconCommand.USAGE);
        assertThat(err()).contains("exponent is out of range").doesNotContain("Exception");
    }

    @Test
    void refusesADateThatIsNotExactlyYearMonthDay() throws Exception {
        String[] dates = {"\"2026-07-01 \"", "\"+2026-07-01\"", "\"+12026-07-01\"", "[2026,7,1]"};
        for (int i = 0; i < dates.length; i++) {
            assertThat(evaluateCholera(dates[i], "{\"cases\":12}")).as(dates[i]).isEqualTo(BeaconCommand.USAGE);
            assertThat(err().split("/asOf: ", -1)).as(dates[i]).hasSize(i + 2);
        }
    }

    @Test
    void refusesInvalidJsonWithoutAStackTrace() throws Exception {
        Path situation = temp.resolve("broken.json");
        Files.writeString(situation, "{\"eventType\": \"cholera\", ");
        assertThat(run("evaluate", tables().toString(), situation.toString())).isEqualTo(BeaconCommand.USAGE);
        assertThat(err()).contains("is not valid JSON").doesNotContain("at tools.jackson");
    }

    @Test
    void diffsTwoVersionsOfAWorkbookTableByTable() throws Exception {
        Path old = temp.resolve("old.xlsx");
        Path now = temp.resolve("new.xlsx");
        Files.write(old, WorkbookBuilder.cholera().bytes());
        WorkbookBuilder changed = new WorkbookBuilder().dictionary();
        changed.sheet("Cholera").row("Table", "Cholera 霍乱").row("Hit policy", "highest grade")
                .row("Event types", "cholera").blank()
                .row("IF cases", "THEN grade", "THEN label", "SOURCE", "TAG")
                .row("≥25", "Ⅱ", "霍乱 1周≥30例", "criteria §2 Ⅱ-4", "V")
                .row("10～24", "Ⅲ", "霍乱 1周10～29例", "criteria §2 Ⅲ-3", "V")
                .row("1～9", "Ⅳ", "霍乱 1周9例以下", "criteria §2 Ⅳ-2", "V");
        Files.write(now, changed.bytes());
        assertThat(run("diff", old.toString(), now.toString())).isZero();
        assertThat(out()).contains("changed row Cholera!R6: grade Ⅱ, label \"霍乱 1周≥30例\" now when "
                + "cases ≥ 25 (was ≥ 30, Cholera!A6)").contains("2 change(s)");
        clearOutput();
        assertThat(run("diff", old.toString(), now.toString(), "--json")).isZero();
        assertThat(out()).contains("\"kind\" : \"changed\"").contains("\"where\" : \"Cholera!R6\"");
        clearOutput();
        assertThat(run("diff", old.toString(), old.toString())).isZero();
        assertThat(out()).contains("no differences");
    }

    @Test
    void diffNamesEachTestRowRemovedFromATestsSheet() throws Exception {
        Path mine = temp.resolve("my-tables");
        Files.createDirectories(mine);
        try (var files = Files.list(tables())) {
            for (Path p : files.filter(f -> f.toString().endsWith(".xlsx")).toList()) {
                Files.copy(p, mine.resolve(p.getFileName()));
            }
        }
        Path grading = mine.resolve("national-grading.xlsx");
        Files.write(grading, WorkbookEdits.withoutTests(Files.readAllBytes(grading), "cholera", 12));

        assertThat(run("diff", tables().toString(), mine.toString())).isZero();
        assertThat(out().lines().filter(l -> l.startsWith("removed test national-grading.xlsx Tests!R"))
                .filter(l -> l.contains("given eventType = cholera")).count()).isEqualTo(12);
        assertThat(out()).contains("12 change(s)");
    }

    @Test
    void explainsUsageForUnknownCommandsAndMissingFiles() {
        assertThat(run("grade", "x")).isEqualTo(BeaconCommand.USAGE);
        assertThat(err()).contains("unknown command 'grade'").contains("usage:");
        assertThat(run("check", temp.resolve("nope.xlsx").toString())).isEqualTo(BeaconCommand.USAGE);
        assertThat(err()).contains("does not exist");
        assertThat(run()).isEqualTo(BeaconCommand.USAGE);
    }
}
