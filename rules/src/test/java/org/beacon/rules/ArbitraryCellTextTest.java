package org.beacon.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.rules.CellsNeverBecomeCodeTest.assertGeneratedRulesAreTemplatesOnly;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterTry;
import org.beacon.rules.CellsNeverBecomeCodeTest.Position;
import org.beacon.rules.workbook.WorkbookLimits;
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
 * <p>The seeds are fixed so a failure is reproducible and the build deterministic; jqwik prints the tries, the seed
 * and the shrunk workbook edits of a failure. Change a seed locally to explore further.
 */
class ArbitraryCellTextTest {

    private static final String WORKBOOK = "fuzz.xlsx";
    private static final int ANY_TEXT_TRIES = 2000;
    private static final int FREE_TEXT_TRIES = 100;
    private static final int MAX_CELL = WorkbookLimits.DEFAULT.maxCellChars();

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

    @AfterTry
    void noCellRan() {
        assertThat(Canary.wasHit()).as("a cell's code called the canary").isFalse();
        assertThat(Canary.markerExists()).as("a cell's code created %s", Canary.MARKER).isFalse();
    }

    @Property(tries = ANY_TEXT_TRIES, seed = "20260901", afterFailure = net.jqwik.api.AfterFailureMode.SAMPLE_FIRST)
    @Label("any text at any places is data or a located diagnostic, never code (" + ANY_TEXT_TRIES + " tries)")
    void anyTextAtAnyPlacesIsDataOrALocatedDiagnostic(@ForAll("anyEdits") Map<Position, Object> edits) {
        Compilation c = compile(edits);
        Statistics.label("outcome").collect(c.succeeded() ? "compiled, decided" : "refused, with diagnostics");

        assertEveryDiagnosticIsLocated(c, edits);
        c.ruleSet().ifPresent(rs -> assertRulesAreTemplatesAndDecide(rs, edits));
    }

    @Property(tries = FREE_TEXT_TRIES, seed = "20260902", afterFailure = net.jqwik.api.AfterFailureMode.SAMPLE_FIRST)
    @Label("free text anywhere compiles to template rules that decide (" + FREE_TEXT_TRIES + " tries)")
    void freeTextCompilesToTemplateRulesThatDecide(@ForAll("freeTextEdits") Map<Position, Object> edits) {
        Compilation c = compile(edits);

        assertEveryDiagnosticIsLocated(c, edits);
        assertThat(c.errors()).as("free text is data").isEmpty();
        CompiledRuleSet rs = c.ruleSet().orElseThrow();
        assertRulesAreTemplatesAndDecide(rs, edits);
        assertThat(rs.evaluate(Workbooks.situation("cholera", Map.of("cases", 12))).firedRules())
                .containsExactly(CellsNeverBecomeCodeTest.tableSheet(edits) + "!R6");
    }

    @Example
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

    @Provide
    Arbitrary<Map<Position, Object>> anyEdits() {
        return Arbitraries.maps(Arbitraries.of(Position.class), cellValue()).ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<Map<Position, Object>> freeTextEdits() {
        Arbitrary<String> text = Arbitraries.oneOf(hostileText(), unicodeText(), longText(MAX_CELL))
                .filter(s -> !s.isBlank() && s.length() <= MAX_CELL);
        return Arbitraries.maps(Arbitraries.of(FREE_TEXT), text.map(Object.class::cast)).ofMinSize(1).ofMaxSize(FREE_TEXT.size());
    }

    /** What may be typed in a cell: text of every kind, or a number (numbers are numeric cells). */
    private static Arbitrary<Object> cellValue() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, hostileText().map(Object.class::cast)),
                net.jqwik.api.Tuple.of(2, unicodeText().map(Object.class::cast)),
                net.jqwik.api.Tuple.of(2, spliced().map(Object.class::cast)),
                net.jqwik.api.Tuple.of(1, longText(MAX_CELL * 5).map(Object.class::cast)),
                net.jqwik.api.Tuple.of(1, numberText().map(Object.class::cast)),
                net.jqwik.api.Tuple.of(1, numbers()));
    }

    /** Rule-language, Java, MVEL and spreadsheet fragments, alone or joined, with the canary payloads among them. */
    private static Arbitrary<String> hostileText() {
        List<String> fragments = new ArrayList<>(CellsNeverBecomeCodeTest.HOSTILE);
        fragments.addAll(Canary.payloads());
        fragments.addAll(List.of("\\\"", "\\u0022", "''", "\"\"\"", "`", "\\n", "\\", "%s", "%n",
                "rule", "when", "then", "end", "eval(", "modify(", "insert(", "retract(", "import", "function", "query",
                "global", "declare", "dialect \"mvel\"", "package x;", "\"); System.exit(1); //", "${", "@{", "#{",
                "}", ")", "(", "{low}", "{", "{}", "{ low }", "{System}", "{low}{low}", "$f", "$f.fire(0, 6)", "&&",
                "||", "==", "!=", "in (", "not in (", "matches \".*\"", "<script>", "]]>", "<![CDATA[", "&amp;",
                "<v>1</v>", "=1+1", "=SUM(A1:A2)", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)"));
        Arbitrary<String> fragment = Arbitraries.of(fragments);
        Arbitrary<String> separator = Arbitraries.of("", " ", "\n", ", ", "\"", "'", ";", "～");
        Arbitrary<String> joined = net.jqwik.api.Combinators.combine(fragment.list().ofMinSize(2).ofMaxSize(4),
                separator).as((parts, sep) -> String.join(sep, parts));
        return Arbitraries.oneOf(fragment, joined);
    }

    /** Valid cell values with hostile text before or after them: the parsers must not take the valid part alone. */
    private static Arbitrary<String> spliced() {
        Arbitrary<String> valid = Arbitraries.of("≥ {low}", "≥30", "10～29", "[1, ∞)", "30以上", "cholera",
                "cholera, plague", "not cholera", "Ⅲ", "yellow", "isolateCases", "first match", "V", "cases", "12",
                "enum", "integer", "text", "low", "any", "-");
        return net.jqwik.api.Combinators.combine(valid, hostileText(), Arbitraries.of(true, false))
                .as((v, h, before) -> before ? h + v : v + h);
    }

    /** Right-to-left and zero-width marks, emoji, full-width digits, control characters, lone surrogates. */
    private static Arbitrary<String> unicodeText() {
        Arbitrary<String> special = Arbitraries.of("\u202E", "\u202Ecases", "\u200F", "\u200B", "\u200D", "\uFEFF",
                "😷", "👨‍👩‍👧", "𠜎", "３０", "≥３０", "１０～２９", "１２", "Ⅲ", "Ⅲ\u200B", "ｃｈｏｌｅｒａ", "\u0000",
                "\u0007", "\u001B[31m", "\r\n", "\t", "\u0085", "\u2028", "\uD800", "\uDFFF", "\uFFFE", "\uFFFF",
                "e\u0301", "İ", "ß", "ﬁ", "０.５", "٣٠", "〇", "十");
        Arbitrary<String> anyChars = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(24);
        Arbitrary<String> mixed = special.list().ofMinSize(1).ofMaxSize(5).map(l -> String.join("", l));
        return Arbitraries.oneOf(special, anyChars, mixed,
                net.jqwik.api.Combinators.combine(mixed, hostileText()).as(String::concat));
    }

    /** Text just below, at and above the cell limit (and far above it), from a hostile start. */
    private static Arbitrary<String> longText(int maxLength) {
        Arbitrary<Integer> length = Arbitraries.oneOf(
                Arbitraries.of(MAX_CELL - 1, MAX_CELL, MAX_CELL + 1, MAX_CELL * 4 + 1),
                Arbitraries.integers().between(MAX_CELL - 8, MAX_CELL + 8))
                .filter(n -> n <= maxLength);
        Arbitrary<String> filler = Arbitraries.of("x", "\"", "'", "😷", "９", "rule when then end ", "\\",
                "{low}", "1");
        return net.jqwik.api.Combinators.combine(hostileText(), filler, length).as((start, fill, n) -> {
            StringBuilder sb = new StringBuilder(n + 8).append(start);
            while (sb.length() < n) {
                sb.append(fill);
            }
            sb.setLength(n);
            return sb.toString();
        });
    }

    /** Numbers as text that no double holds, or that look like numbers and are not. */
    private static Arbitrary<String> numberText() {
        return Arbitraries.oneOf(
                Arbitraries.of("1e400", "-1e400", "1e-400", "-0", "+0", "-0.0", "NaN", "Infinity", "-Infinity", "∞",
                        "0x1F", "1_000", "1,000", "1.000,5", "1e3", "≥1e400", "≤-0", "[−0, +0]", "10～1e400",
                        "{low}e400", "０", "1/0", "0.1e-324"),
                Arbitraries.strings().numeric().ofMinLength(16).ofMaxLength(400),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(40).map(d -> "≥" + d + "." + d));
    }

    /** Numbers as numeric cells: Excel's edges (NaN and infinities are written as error cells). */
    private static Arbitrary<Object> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
                        Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, 1e-320, 1e308, 9.999999999999999e22,
                        2.5, 100000.0, 100001.0, -1.0, 0.1 + 0.2),
                Arbitraries.doubles()).map(Object.class::cast);
    }
}
