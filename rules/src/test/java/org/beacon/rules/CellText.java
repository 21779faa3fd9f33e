package org.beacon.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.beacon.rules.CellsNeverBecomeCodeTest.Position;
import org.beacon.rules.model.WorkbookLimits;

/**
 * Generates what an expert (or an attacker) could type in cells: rule-language, Java, MVEL and spreadsheet
 * fragments with the {@link Canary} payloads among them, unicode of every awkward kind, text around the cell-length
 * limit, numbers no double holds, and numeric cells at Excel's edges. Deterministic for a given {@link Random}.
 */
final class CellText {

    static final int MAX_CELL = WorkbookLimits.DEFAULT.maxCellChars();

    private static final List<String> FRAGMENTS = fragments();
    private static final List<String> SEPARATORS = List.of("", " ", "\n", ", ", "\"", "'", ";", "～");
    private static final List<String> VALID = List.of("≥ {low}", "≥30", "10～29", "[1, ∞)", "30以上", "cholera",
            "cholera, plague", "not cholera", "Ⅲ", "yellow", "isolateCases", "first match", "V", "cases", "12",
            "enum", "integer", "text", "low", "any", "-");
    private static final List<String> UNICODE = List.of("\u202E", "\u202Ecases", "\u200F", "\u200B", "\u200D",
            "\uFEFF", "😷", "👨‍👩‍👧", "𠜎", "３０", "≥３０", "１０～２９", "１２", "Ⅲ", "Ⅲ\u200B", "ｃｈｏｌｅｒａ", "\u0000",
            "\u0007", "\u001B[31m", "\r\n", "\t", "\u0085", "\u2028", "\uD800", "\uDFFF", "\uFFFE", "\uFFFF",
            "e\u0301", "İ", "ß", "ﬁ", "０.５", "٣٠", "〇", "十");
    private static final List<String> FILLERS = List.of("x", "\"", "'", "😷", "９", "rule when then end ", "\\",
            "{low}", "1");
    private static final List<String> NUMBER_TEXT = List.of("1e400", "-1e400", "1e-400", "-0", "+0", "-0.0", "NaN",
            "Infinity", "-Infinity", "∞", "0x1F", "1_000", "1,000", "1.000,5", "1e3", "≥1e400", "≤-0", "[−0, +0]",
            "10～1e400", "{low}e400", "０", "1/0", "0.1e-324");
    private static final List<Double> NUMBERS = List.of(Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, -0.0, 0.0, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, 1e-320, 1e308,
            9.999999999999999e22, 2.5, 100000.0, 100001.0, -1.0, 0.1 + 0.2);

    private final Random random;

    CellText(Random random) {
        this.random = random;
    }

    /** One to four places of the workbook, each with any value. */
    Map<Position, Object> anyEdits() {
        return edits(List.of(Position.values()), 4, this::anyValue);
    }

    /** Free-text places only, each with text that fits a cell. */
    Map<Position, Object> freeTextEdits(EnumSet<Position> freeText) {
        return edits(List.copyOf(freeText), freeText.size(), () -> {
            String s;
            do {
                s = pick(List.<Supplier<String>>of(this::hostile, this::unicode, () -> longText(MAX_CELL))).get();
            } while (s.isBlank() || s.length() > MAX_CELL);
            return s;
        });
    }

    private Map<Position, Object> edits(List<Position> places, int most, Supplier<Object> value) {
        List<Position> shuffled = new ArrayList<>(places);
        java.util.Collections.shuffle(shuffled, random);
        Map<Position, Object> edits = new LinkedHashMap<>();
        int n = 1 + random.nextInt(most);
        for (Position p : shuffled.subList(0, n)) {
            edits.put(p, value.get());
        }
        return edits;
    }

    /** Weighted: hostile fragments most often, then unicode and valid values spliced with hostile text. */
    Object anyValue() {
        int w = random.nextInt(11);
        if (w < 4) {
            return hostile();
        }
        if (w < 6) {
            return unicode();
        }
        if (w < 8) {
            return random.nextBoolean() ? hostile() + pick(VALID) : pick(VALID) + hostile();
        }
        if (w < 9) {
            return longText(MAX_CELL * 5);
        }
        return w < 10 ? numberText() : number();
    }

    /** A fragment alone, or two to four joined by a separator. */
    String hostile() {
        if (random.nextBoolean()) {
            return pick(FRAGMENTS);
        }
        List<String> parts = new ArrayList<>();
        for (int i = 2 + random.nextInt(3); i > 0; i--) {
            parts.add(pick(FRAGMENTS));
        }
        return String.join(pick(SEPARATORS), parts);
    }

    /** Right-to-left and zero-width marks, emoji, full-width digits, control characters, lone surrogates. */
    String unicode() {
        return switch (random.nextInt(4)) {
            case 0 -> pick(UNICODE);
            case 1 -> anyChars(1 + random.nextInt(24));
            case 2 -> mixedUnicode();
            default -> mixedUnicode() + hostile();
        };
    }

    private String mixedUnicode() {
        StringBuilder sb = new StringBuilder();
        for (int i = 1 + random.nextInt(5); i > 0; i--) {
            sb.append(pick(UNICODE));
        }
        return sb.toString();
    }

    /** Any UTF-16 units, surrogate halves and noncharacters included. */
    private String anyChars(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append((char) random.nextInt(Character.MAX_VALUE + 1));
        }
        return sb.toString();
    }

    /** Text just below, at and above the cell limit (and far above it), from a hostile start. */
    String longText(int maxLength) {
        int n;
        do {
            n = random.nextBoolean() ? pick(List.of(MAX_CELL - 1, MAX_CELL, MAX_CELL + 1, MAX_CELL * 4 + 1))
                    : MAX_CELL - 8 + random.nextInt(17);
        } while (n > maxLength);
        String fill = pick(FILLERS);
        StringBuilder sb = new StringBuilder(n + 8).append(hostile());
        while (sb.length() < n) {
            sb.append(fill);
        }
        sb.setLength(n);
        return sb.toString();
    }

    /** Numbers as text that no double holds, or that look like numbers and are not. */
    private String numberText() {
        return switch (random.nextInt(3)) {
            case 0 -> pick(NUMBER_TEXT);
            case 1 -> digits(16 + random.nextInt(385));
            default -> {
                String d = digits(1 + random.nextInt(40));
                yield "≥" + d + "." + d;
            }
        };
    }

    /** Numeric cells at Excel's edges (NaN and infinities are written as error cells), or any double. */
    private Object number() {
        return random.nextBoolean() ? pick(NUMBERS) : Double.longBitsToDouble(random.nextLong());
    }

    private String digits(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static List<String> fragments() {
        List<String> f = new ArrayList<>(CellsNeverBecomeCodeTest.HOSTILE);
        f.addAll(Canary.payloads());
        f.addAll(List.of("\\\"", "\\u0022", "''", "\"\"\"", "`", "\\n", "\\", "%s", "%n", "rule", "when", "then",
                "end", "eval(", "modify(", "insert(", "retract(", "import", "function", "query", "global", "declare",
                "dialect \"mvel\"", "package x;", "\"); System.exit(1); //", "${", "@{", "#{", "}", ")", "(", "{low}",
                "{", "{}", "{ low }", "{System}", "{low}{low}", "$f", "$f.fire(0, 6)", "&&", "||", "==", "!=", "in (",
                "not in (", "matches \".*\"", "<script>", "]]>", "<![CDATA[", "&amp;", "<v>1</v>", "=1+1",
                "=SUM(A1:A2)", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)"));
        return List.copyOf(f);
    }
}
