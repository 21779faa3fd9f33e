package org.beacon.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.beacon.rules.decision.Decision;
import org.beacon.rules.model.Diagnostic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever an expert (or an attacker) types in any cell, the generated rules are built only from fixed text and
 * numbers: the cell is either a typed value, a diagnostic at its cell, or text carried as data. A full run tries
 * every hostile text at every position; the fast loop ({@link CorpusSize#sampled}) one pair in {@value #SAMPLE_STRIDE},
 * chosen so that every position and every text is still tried.
 */
class CellsNeverBecomeCodeTest {

    private static final String PWNED = "beacon.pwned";
    // A control character in a sheet name makes the file itself invalid XML: an error about the whole file.
    private static final List<String> FILE_LEVEL = List.of("UNREADABLE_WORKBOOK");

    static final List<String> HOSTILE = List.of(
            "\"",
            "'",
            "\\",
            "\"; System.setProperty(\"" + PWNED + "\", \"1\"); \"",
            "System.setProperty(\"" + PWNED + "\", \"1\")",
            "System.exit(1)",
            "1; System.exit(1)",
            ">= 1 || System.setProperty(\"" + PWNED + "\", \"1\") != null",
            "10～29\" || true || \"",
            "|| true",
            "@{System.setProperty('" + PWNED + "', '1')}",
            "${System.setProperty('" + PWNED + "', '1')}",
            "java.lang.Runtime.getRuntime().exec(\"touch /tmp/beacon-pwned\")",
            "end\nrule \"x\" when then System.setProperty(\"" + PWNED + "\", \"1\"); end",
            "import java.io.File;",
            "function void f() { System.exit(1); }",
            "eval(true)",
            "rule", "when", "then", "end", "not", "exists", "salience 100", "no-loop",
            "$f.fire(0, 0);",
            "// comment",
            "/* open comment",
            "{cases}",
            "cholera\", \"plague",
            "in (0, 1, 2)",
            "∞",
            "\u0000\u0007\u202e",
            "x".repeat(1999));

    /** Every place a workbook has text. */
    enum Position {
        TITLE, HIT_POLICY, EVENT_TYPES, IF_HEADER, THEN_HEADER, NUMBER_CONDITION, ENUM_CONDITION, TEXT_CONDITION,
        GRADE, COLOUR, ACTIONS, LABEL, SOURCE, TAG, NOTE, DICTIONARY_NAME, DICTIONARY_TYPE, DICTIONARY_VALUES,
        DICTIONARY_UNIT, DICTIONARY_DESCRIPTION, PARAMETER_NAME, PARAMETER_VALUE, TEST_GIVEN, TEST_EXPECT,
        SHEET_NAME
    }

    // Every line of generated rules has one of these shapes.
    private static final String CONSTRAINT = "(?:has\\(\\d+\\)"
            + "|\\(num\\(\\d+\\) (?:>=|<=|>|<) -?\\d+\\.\\d+(?: (?:&&|\\|\\|) num\\(\\d+\\) (?:>=|<=|>|<) -?\\d+\\.\\d+)?\\)"
            + "|num\\(\\d+\\) (?:==|!=) -?\\d+\\.\\d+"
            + "|sym\\(\\d+\\) (?:not )?in \\(\\d+(?:, \\d+)*\\)|true|false)";
    private static final List<Pattern> DRL_LINES = List.of(
            Pattern.compile("package beacon\\.generated;"),
            Pattern.compile("import org\\.beacon\\.rules\\.engine\\.FactView;"),
            Pattern.compile(""),
            Pattern.compile("rule \"t\\d+_r\\d+\""),
            Pattern.compile("when"),
            Pattern.compile("    \\$f : FactView\\( (?:" + CONSTRAINT + "(?:, " + CONSTRAINT + ")*)? \\)"),
            Pattern.compile("then"),
            Pattern.compile("    \\$f\\.fire\\(\\d+, \\d+\\);"),
            Pattern.compile("end"));

    static final int SAMPLE_STRIDE = 5;

    static Stream<Arguments> hostileCells() {
        boolean sampled = CorpusSize.sampled();
        List<Arguments> args = new ArrayList<>();
        for (Position p : Position.values()) {
            for (int h = 0; h < HOSTILE.size(); h++) {
                // a diagonal of the grid: each position meets every fifth text, each text every fifth position
                if (!sampled || (p.ordinal() + h) % SAMPLE_STRIDE == 0) {
                    args.add(Arguments.of(p, HOSTILE.get(h)));
                }
            }
        }
        return args.stream();
    }

    @AfterEach
    void nothingRan() {
        assertThat(System.getProperty(PWNED)).as("a cell's code ran").isNull();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("hostileCells")
    void hostileCellIsDataOrADiagnosticNeverCode(Position position, String hostile) {
        Compilation c = new RuleSetCompiler().compile(workbookWith(position, hostile).sources("hostile.xlsx"));

        for (Diagnostic d : c.diagnostics()) {
            assertThat(d.code()).as("diagnostic code").matches("[A-Z_]+");
            if (d.isError()) {
                assertThat(d.workbook()).isEqualTo("hostile.xlsx");
                if (!FILE_LEVEL.contains(d.code())) {
                    assertThat(d.location()).as("an error names where it is: %s", d).isNotEmpty();
                }
            }
        }
        c.ruleSet().ifPresent(rs -> {
            assertGeneratedRulesAreTemplatesOnly(rs.ruleBase().generatedRules().drl());
            Decision d = rs.evaluate(Workbooks.situation("cholera", Map.of("cases", 12, "setting", hostile)));
            if (position != Position.TEXT_CONDITION) {
                assertThat(d.firedRules()).isNotEmpty();
            }
        });
        if (position == Position.LABEL || position == Position.SOURCE || position == Position.TITLE) {
            assertThat(c.errors()).as("free text is data").isEmpty();
        }
    }

    @Test
    void freeTextCellsComeBackVerbatimAsData() {
        String hostile = "\"; System.setProperty(\"" + PWNED + "\", \"1\"); \"";
        CompiledRuleSet rs = Workbooks.compiled(workbookWith(Position.LABEL, hostile));
        Decision d = rs.evaluate(Workbooks.situation("cholera", Map.of("cases", 12)));
        assertThat(d.tables().get(0).matches().get(0).outputs()).containsEntry("label", hostile);
    }

    @Test
    void aTextConditionMatchesHostileTextAsAValueNotAsCode() {
        String hostile = "school\" || true || \"";
        CompiledRuleSet rs = Workbooks.compiled(workbookWith(Position.TEXT_CONDITION, hostile));
        assertGeneratedRulesAreTemplatesOnly(rs.ruleBase().generatedRules().drl());
        assertThat(rs.evaluate(Workbooks.situation("cholera", Map.of("cases", 12, "setting", hostile))).firedRules())
                .containsExactly("H!R6");
        assertThat(rs.evaluate(Workbooks.situation("cholera", Map.of("cases", 12, "setting", "school")))
                .noMatch()).as("the quote trick does not widen the condition").isTrue();
    }

    @Test
    void theGrammarCheckRejectsCodeThatAnEscapeBugWouldLetThrough() {
        assertThatCode(() -> assertGeneratedRulesAreTemplatesOnly("rule \"t0_r5\"\nwhen\n    $f : FactView( "
                + "has(1), (num(1) >= 1.0 || System.setProperty(\"x\", \"1\") != null) )\nthen\n    $f.fire(0, 5);\nend"))
                .isInstanceOf(AssertionError.class);
    }

    static void assertGeneratedRulesAreTemplatesOnly(String drl) {
        for (String line : drl.split("\n", -1)) {
            assertThat(DRL_LINES.stream().anyMatch(p -> p.matcher(line).matches()))
                    .as("generated line is one of the fixed shapes: %s", line).isTrue();
        }
    }

    /** A valid workbook (cholera 10～29 → Ⅲ at H!R6, setting = school) with {@code text} typed at one place. */
    static WorkbookBuilder workbookWith(Position p, String text) {
        return workbookWith(Map.of(p, text));
    }

    /**
     * The same valid workbook with a value typed at each given place: a {@link Number} as a numeric cell, anything
     * else as text.
     */
    static WorkbookBuilder workbookWith(Map<Position, ?> typed) {
        Typed t = new Typed(typed);
        WorkbookBuilder b = new WorkbookBuilder();
        b.sheet("Dictionary").row("Dictionary")
                .row("Name", "Type", "Values", "Unit", "Min", "Max", "说明", "Description")
                .row(t.or(Position.DICTIONARY_NAME, "eventType"), t.or(Position.DICTIONARY_TYPE, "enum"),
                        t.or(Position.DICTIONARY_VALUES, "cholera, plague"), null, null, null, "事件类型",
                        "event type")
                .row("cases", "integer", null, t.or(Position.DICTIONARY_UNIT, "例"), 0, 100000,
                        t.or(Position.DICTIONARY_DESCRIPTION, "病例数"), "cases")
                .row("setting", "text", null, null, null, null, "场所", "setting");
        b.sheet("Parameters").row("Parameters").row("Name", "Value", "说明", "Description", "Source")
                .row(t.or(Position.PARAMETER_NAME, "low"), t.or(Position.PARAMETER_VALUE, 10));
        b.sheet(tableSheet(typed))
                .row("Table", t.or(Position.TITLE, "Cholera"))
                .row("Hit policy", t.or(Position.HIT_POLICY, "first match"))
                .row("Event types", t.or(Position.EVENT_TYPES, "cholera"))
                .blank()
                .row("IF cases",
                        typed.containsKey(Position.IF_HEADER) ? "IF " + t.text(Position.IF_HEADER) : "IF eventType",
                        "IF setting", "THEN grade", "THEN colour", "THEN actions",
                        typed.containsKey(Position.THEN_HEADER) ? "THEN " + t.text(Position.THEN_HEADER) : "THEN label",
                        "SOURCE", "TAG", "NOTE")
                .row(t.or(Position.NUMBER_CONDITION, "≥ {low}"), t.or(Position.ENUM_CONDITION, "cholera"),
                        t.or(Position.TEXT_CONDITION, "-"), t.or(Position.GRADE, "Ⅲ"), t.or(Position.COLOUR, "yellow"),
                        t.or(Position.ACTIONS, "isolateCases"), t.or(Position.LABEL, "label"),
                        t.or(Position.SOURCE, "criteria §2"), t.or(Position.TAG, "V"), t.or(Position.NOTE, "note"));
        b.sheet("Tests").row("Tests").row("GIVEN eventType", "GIVEN cases", "GIVEN setting", "EXPECT grade")
                .row("cholera", t.or(Position.TEST_GIVEN, "12"), typed.get(Position.TEXT_CONDITION),
                        t.or(Position.TEST_EXPECT, "Ⅲ"));
        return b;
    }

    /** The table sheet's name: H, or the text typed as a sheet name made acceptable to Excel. */
    static String tableSheet(Map<Position, ?> typed) {
        String sheet = typed.containsKey(Position.SHEET_NAME)
                ? org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(String.valueOf(typed.get(Position.SHEET_NAME)))
                : "H";
        return sheet.isBlank() ? "H" : sheet;
    }

    /** The values typed at some places; every other place keeps the valid workbook's value. */
    private record Typed(Map<Position, ?> values) {
        Object or(Position p, Object valid) {
            return values.containsKey(p) ? values.get(p) : valid;
        }

        String text(Position p) {
            return String.valueOf(values.get(p));
        }
    }
}
