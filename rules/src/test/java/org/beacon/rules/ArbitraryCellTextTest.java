package org.beacon.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.rules.CellsNeverBecomeCodeTest.assertGeneratedRulesAreTemplatesOnly;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.beacon.rules.CellsNeverBecomeCodeTest.Position;
import org.beacon.rules.decision.Decision;
import org.beacon.rules.model.Diagnostic;
import org.beacon.rules.model.WorkbookSource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * Thousands of workbooks with arbitrary text (quotes, rule-language keywords, Java and MVEL, unicode, very long
 * strings, number edge cases) typed at arbitrary places of a valid rule set. Whatever the text, compiling never
 * throws, no cell ever runs ({@link Canary}), and every problem is a diagnostic an expert can find: a cell, a row, or
 * for a few problems of a whole sheet, the sheet.
 *
 * <p>Each try is one test in the report, named with its number; try {@code n} of a run is generated from
 * {@code new Random(SEED + n)}, so a failure names what was typed where and reruns alone. Change {@code SEED}
 * locally to explore further. The fast loop ({@link CorpusSize#sampled}) runs the first tenth of the tries.
 */
class ArbitraryCellTextTest {

    private static final String WORKBOOK = "fuzz.xlsx";
    private static final int ANY_TEXT_TRIES = CorpusSize.of(2000, 200);
    private static final int FREE_TEXT_TRIES = CorpusSize.of(100, 10);
    private static final int VACUITY_TRIES = CorpusSize.of(200, 50);
    private static final long SEED = 20260901L;

    // Problems of a whole sheet: there is no one cell to point at (the sheet has too many rows, is not a kind
    // Beacon knows, or its name is taken). The location is still the sheet's name.
    private static final Set<String> SHEET_LEVEL = Set.of("WORKBOOK_TOO_LARGE", "SHEET_IGNORED", "DUPLICATE_SHEET");
    // Problems of the whole file: it cannot be opened at all (a control character in a sheet name makes
    // workbook.xml invalid XML), so there are no cells yet.
    private static final Set<String> FILE_LEVEL = Set.of("UNREADABLE_WORKBOOK");
    // Beacon's own defects, hidden from the expert as a diagnostic: the fuzz must never meet them.
    private static final Set<String> DEFECTS = Set.of("INTERNAL_ERROR", "RULE_COMPILE_ERROR");
    // Places holding free text: whatever is typed there is data, never an error (long text aside).
    private static final Set<Position> FREE_TEXT = EnumSet.of(Position.TITLE, Position.LABEL, Position.SOURCE,
            Position.NOTE, Position.DICTIONARY_UNIT, Position.DICTIONARY_DESCRIPTION);

    private static final Pattern CELL_OR_ROW = Pattern.compile("[A-Z]{1,3}[1-9][0-9]*|R[1-9][0-9]*");

    private static void assertNoCellRan(Map<Position, Object> edits) {
        assertThat(Canary.wasHit()).as("a cell's code called the canary: %s", printable(edits.toString())).isFalse();
        assertThat(Canary.markerExists()).as("a cell's code created %s", Canary.MARKER).isFalse();
    }

    /** {@code tries} dynamic tests; try n types {@code edits.apply(new CellText(new Random(seed + n)))}. */
    private static Stream<DynamicTest> tries(int tries, long seed, String what,
            Function<CellText, Map<Position, Object>> edits, java.util.function.Consumer<Map<Position, Object>> check) {
        return IntStream.rangeClosed(1, tries).mapToObj(n -> DynamicTest.dynamicTest(what + ", try " + n + " of "
                + tries + " (seed " + (seed + n) + ")", () -> {
                    Map<Position, Object> typed = edits.apply(new CellText(new Random(seed + n)));
                    check.accept(typed);
                    assertNoCellRan(typed);
                }));
    }

    @TestFactory
    Stream<DynamicTest> anyTextAtAnyPlacesIsDataOrALocatedDiagnosticNeverCode() {
        return tries(ANY_TEXT_TRIES, SEED, "any text at any places", CellText::anyEdits, edits -> {
            Compilation c = compile(edits);
            assertEveryDiagnosticIsLocated(c, edits);
            c.ruleSet().ifPresent(rs -> assertRulesAreTemplatesAndDecide(rs, edits));
        });
    }

    @TestFactory
    Stream<DynamicTest> freeTextAnywhereCompilesToTemplateRulesThatDecide() {
        return tries(FREE_TEXT_TRIES, SEED + 1_000_000, "free text", g -> g.freeTextEdits(EnumSet.copyOf(FREE_TEXT)),
                this::freeTextCompilesAndDecides);
    }

    private void freeTextCompilesAndDecides(Map<Position, Object> edits) {
        Compilation c = compile(edits);

        assertEveryDiagnosticIsLocated(c, edits);
        assertThat(c.errors()).as("free text is data").isEmpty();
        CompiledRuleSet rs = c.ruleSet().orElseThrow();
        assertRulesAreTemplatesAndDecide(rs, edits);
        assertThat(rs.evaluate(Workbooks.situation("cholera", Map.of("cases", 12))).firedRules())
                .containsExactly(CellsNeverBecomeCodeTest.tableSheet(edits) + "!R6");
    }

    @Test
    void theTriesReachBothRefusalAndADecisionSoNeitherCheckIsVacuous() {
        long compiled = IntStream.rangeClosed(1, VACUITY_TRIES)
                .filter(n -> compile(new CellText(new Random(SEED + n)).anyEdits()).succeeded()).count();
        assertThat(compiled).as("tries out of %d that compiled and decided", VACUITY_TRIES)
                .isBetween(VACUITY_TRIES / 20L, VACUITY_TRIES - VACUITY_TRIES / 20L);
    }

    @Test
    void theCanaryIsReachableFromRulesSoItWouldSeeACellThatRan() {
        // Without this, a canary the rule engine could not resolve would make the properties pass vacuously.
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        builder.add(ResourceFactory.newByteArrayResource(("package probe;\nrule \"probe\"\nwhen\n    eval("
                + Canary.class.getName() + ".hit())\nthen\nend\n").getBytes(StandardCharsets.UTF_8)), ResourceType.DRL);
        assertThat(builder.getErrors()).isEmpty();
        var kieBase = org.drools.kiesession.rulebase.KnowledgeBaseFactory.newKnowledgeBase();
        kieBase.addPackages(builder.getKnowledgePackages());
        kieBase.newKieSession().fireAllRules();
        try {
            assertThat(Canary.wasHit()).isTrue();
        } finally {
            Canary.reset();
        }
    }

    private static Compilation compile(Map<Position, Object> edits) {
        return new RuleSetCompiler().compile(List.of(source(edits)));
    }

    private static WorkbookSource source(Map<Position, Object> edits) {
        return CellsNeverBecomeCodeTest.workbookWith(edits).source(WORKBOOK);
    }

    /**
     * The sheet names as the file stores them: XML turns a line break into a space and a lone surrogate into ?,
     * so a typed name is not always the stored one.
     */
    private static List<String> storedSheetNames(Map<Position, Object> edits) {
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(source(edits).bytes()))) {
            List<String> names = new ArrayList<>();
            wb.forEach(sheet -> names.add(sheet.getSheetName()));
            return names;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertEveryDiagnosticIsLocated(Compilation c, Map<Position, Object> edits) {
        List<String> sheets = new ArrayList<>(List.of("Dictionary", "Parameters", "H", "Tests"));
        for (Diagnostic found : c.diagnostics()) {
            String d = printable(found.toString());
            assertThat(found.code()).as("a Beacon defect: %s", d).isNotIn(DEFECTS);
            assertThat(found.workbook()).as("names the workbook: %s", d).isEqualTo(WORKBOOK);
            assertThat(found.message()).as("no stack trace: %s", d).doesNotContain("Exception")
                    .doesNotContain("at org.");
            if (FILE_LEVEL.contains(found.code()) && found.location().isEmpty()) {
                continue;
            }
            String location = found.location();
            if (edits.containsKey(Position.SHEET_NAME) && sheets.contains("H")) {
                sheets = storedSheetNames(edits);
            }
            String sheet = sheets.stream().filter(s -> location.equals(s) || location.startsWith(s + "!"))
                    .findFirst().orElse(null);
            assertThat(sheet).as("names one of the sheets %s: %s", printable(sheets.toString()), d).isNotNull();
            if (location.equals(sheet)) {
                assertThat(found.code()).as("only whole-sheet problems name just a sheet: %s", d).isIn(SHEET_LEVEL);
            } else {
                assertThat(location.substring(sheet.length() + 1)).as("a cell or a row: %s", d).matches(CELL_OR_ROW);
            }
        }
    }

    /** Control and invisible characters escaped, so a failure message shows what the text was. */
    private static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.chars().forEach(ch -> {
            if (ch < 0x20 || (ch >= 0x7f && ch < 0xa0) || Character.getType(ch) == Character.FORMAT
                    || Character.isSurrogate((char) ch)) {
                sb.append(String.format("\\u%04X", ch));
            } else {
                sb.append((char) ch);
            }
        });
        return sb.toString();
    }

    private static void assertRulesAreTemplatesAndDecide(CompiledRuleSet rs, Map<Position, Object> edits) {
        assertGeneratedRulesAreTemplatesOnly(rs.ruleBase().generatedRules().drl());
        Object setting = edits.getOrDefault(Position.TEXT_CONDITION, "school");
        Decision d = rs.evaluate(Workbooks.situation("cholera", Map.of("cases", 12, "setting", setting.toString())));
        assertThat(d.tables()).isNotEmpty();
    }
}
