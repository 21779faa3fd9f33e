package org.beacon.service.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a document's tested steps are read, and when a command's outcome differs from what its comment says. */
class DocumentedStepsTest {

    private static final List<String> DOCUMENT = List.of(
            "Copy the tables:",
            "",
            "<!-- tested -->",
            "```",
            "# a comment line is not a command",
            "cp -r tables my-tables",
            "curl -s -u $BEACON localhost:8080/evaluations \\",
            "     -d @examples/requests/cholera-county-12.json     # → 200, grade Ⅲ, firedRules Cholera!R10",
            "./beacon check my-tables/        # → exit 1, Tests!N33",
            "```",
            "",
            "<!-- tested: edit -->",
            "| workbook | cell | was | becomes |",
            "|---|---|---|---|",
            "| `my-tables/national-grading.xlsx` | `Cholera!A8` | `≥30` | `≥25` |",
            "",
            "```",
            "not tested",
            "```");

    @Test
    void readsTheMarkedBlocksAndTablesInTheirOrder() {
        List<DocumentedSteps.Step> steps = DocumentedSteps.parse(DOCUMENT);

        assertThat(steps).hasSize(2);
        DocumentedSteps.Commands block = (DocumentedSteps.Commands) steps.get(0);
        assertThat(block.commands()).extracting(DocumentedSteps.Command::text).containsExactly(
                "cp -r tables my-tables",
                "curl -s -u $BEACON localhost:8080/evaluations       -d @examples/requests/cholera-county-12.json",
                "./beacon check my-tables/");
        assertThat(block.commands()).extracting(DocumentedSteps.Command::expected).containsExactly(List.of(),
                List.of("200", "grade Ⅲ", "firedRules Cholera!R10"), List.of("exit 1", "Tests!N33"));
        assertThat(block.commands()).extracting(DocumentedSteps.Command::line).containsExactly(6, 7, 9);
        assertThat(((DocumentedSteps.Edits) steps.get(1)).edits()).containsExactly(
                new DocumentedSteps.CellEdit("my-tables/national-grading.xlsx", "Cholera!A8", "≥30", "≥25"));
    }

    @Test
    void refusesAnEditTableWithoutItsColumns() {
        assertThatThrownBy(() -> DocumentedSteps.parse(List.of("<!-- tested: edit -->", "| file | cell |",
                "|---|---|", "| a.xlsx | A1 |"))).hasMessageContaining("workbook | cell | was | becomes");
    }

    @Test
    void acceptsAnAnswerThatHoldsWhatTheCommentSays() {
        DocumentedSteps.Command decision = command("# → 200, grade Ⅲ, firedRules Cholera!R10, no password");
        ReaderShell.Outcome answer = new ReaderShell.Outcome("{\"grade\":{\"numeral\":\"Ⅲ\",\"name\":\"较大\"},"
                + "\"firedRules\":[\"Cholera!R10\",\"Reporting!R9\"],\"password\":null}", 0, List.of(200));

        assertThat(ExpectedOutcome.differences(decision, answer)).isEmpty();
    }

    @Test
    void namesEachWayAnAnswerDiffersFromTheComment() {
        DocumentedSteps.Command decision = command("# → 201, grade Ⅱ, firedRules Cholera!R8, password, no grade");
        ReaderShell.Outcome answer = new ReaderShell.Outcome("{\"grade\":{\"numeral\":\"Ⅲ\"},"
                + "\"firedRules\":[\"Cholera!R10\"]}", 0, List.of(200));

        assertThat(ExpectedOutcome.differences(decision, answer)).containsExactly(
                "the answer's 'grade' does not hold 'Ⅱ': {\"numeral\":\"Ⅲ\"}",
                "the answer's 'firedRules' does not hold 'Cholera!R8': [\"Cholera!R10\"]",
                "the answer has no 'password'",
                "the answer has 'grade': {\"numeral\":\"Ⅲ\"}",
                "HTTP status 200, expected 201");
    }

    @Test
    void expectsExitZeroAndA2xxAnswerWhereTheCommentSaysNothing() {
        DocumentedSteps.Command silent = command("");

        assertThat(ExpectedOutcome.differences(silent, new ReaderShell.Outcome("{}", 0, List.of(404))))
                .containsExactly("HTTP status 404, expected 2xx");
        assertThat(ExpectedOutcome.differences(silent, new ReaderShell.Outcome("FAILED", 1, List.of())))
                .containsExactly("exit status 1, expected 0");
    }

    @Test
    void looksForTextInAnOutputThatIsNotJson() {
        DocumentedSteps.Command check = command("# → exit 1, Tests!N33");

        assertThat(ExpectedOutcome.differences(check, new ReaderShell.Outcome("Tests!N33 ERROR TEST_FAILED", 1,
                List.of()))).isEmpty();
        assertThat(ExpectedOutcome.differences(check, new ReaderShell.Outcome("OK: no errors", 0, List.of())))
                .containsExactly("the output does not contain 'Tests!N33'", "exit status 0, expected 1");
    }

    private static DocumentedSteps.Command command(String comment) {
        List<DocumentedSteps.Step> steps = DocumentedSteps.parse(List.of("<!-- tested -->", "```",
                "curl -s localhost:8080/evaluations " + comment, "```"));
        return ((DocumentedSteps.Commands) steps.get(0)).commands().get(0);
    }
}
