package org.beacon.service.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.beacon.rules.workbook.SheetData;
import org.beacon.service.ruleset.RuleSetCheck;
import org.beacon.service.ruleset.RuleSetView.DiagnosticView;

/**
 * What a check found, arranged for its page: the diagnostics worst first, each linked to its cell in the grid; the
 * marks the grid puts on a sheet; each test row with what it gives, what it expects and what it got.
 *
 * @param diagnostics errors and warnings, errors first, in the workbooks' order
 * @param notes the diagnostics of severity info (sheets ignored, gaps expected), shown folded
 * @param failed the test rows that failed
 * @param passed the test rows that passed, by workbook
 */
record CheckView(List<Finding> diagnostics, List<Finding> notes, List<TestLine> failed,
        Map<String, List<TestLine>> passed) {

    private static final Pattern LOCATION = Pattern.compile("(.+)!([A-Z]{1,3}\\d{1,7}|R\\d{1,7})");
    private static final Pattern MISMATCH = Pattern.compile("[^\\s;:]+!([A-Z]{1,3})\\d+: expected (\\S+) (.*?), "
            + "got (.*?)(?=; [^\\s;:]+![A-Z]{1,3}\\d+: expected | \\(rows that answered|$)");
    private static final Pattern ANSWERED = Pattern.compile("\\(rows that answered: (.*)\\)$");
    private static final Pattern GIVEN = Pattern.compile("(?i:given|已知)\\s+(\\S+)");
    private static final Pattern EXPECT = Pattern.compile("(?i:expect|预期)\\s+(\\S+)");

    /** Where the grid shows a diagnostic or a test row: a link to the whole page and one for the grid alone. */
    @FunctionalInterface
    interface CellLinks {
        GridView.Link link(String workbook, String sheet, String cell);
    }

    /**
     * A diagnostic with where it is.
     *
     * @param sheet the sheet it names, or null for the whole workbook
     * @param cell the cell ({@code C9}) or row ({@code R9}) it names, or null
     * @param link where the grid shows it, or null when it names no sheet
     */
    record Finding(String severity, String workbook, String location, String sheet, String cell, String code,
            String detail, GridView.Link link) {

        /** The message key of its severity's word: {@code severity.error} … */
        public String severityLabel() {
            return "severity." + severity;
        }
    }

    /** One expectation of a test row: what the EXPECT cell says and what the decision gave. */
    record Expectation(String output, String expected, String actual, boolean ok) {
    }

    /**
     * @param given {@code eventType = cholera, cases = 30}
     * @param answered the rows that answered, when the test failed
     */
    record TestLine(String workbook, String row, boolean passed, String given, List<Expectation> expectations,
            String answered, String detail, GridView.Link link) {
    }

    /** @param language the language of each diagnostic's and test's detail: the page's */
    static CheckView of(RuleSetCheck result, ReadWorkbooks books, CellLinks links, Locale language) {
        List<Finding> diagnostics = new ArrayList<>();
        List<Finding> notes = new ArrayList<>();
        for (DiagnosticView d : result.diagnostics()) {
            Finding f = finding(d, books, links, language);
            (d.severity().equals("info") ? notes : diagnostics).add(f);
        }
        diagnostics.sort(Comparator.comparingInt(f -> f.severity().equals("error") ? 0 : 1));
        List<TestLine> failed = new ArrayList<>();
        Map<String, List<TestLine>> passed = new LinkedHashMap<>();
        for (RuleSetCheck.TestRow t : result.tests()) {
            TestLine line = test(t, books, links, language);
            if (t.passed()) {
                passed.computeIfAbsent(t.workbook(), w -> new ArrayList<>()).add(line);
            } else {
                failed.add(line);
            }
        }
        return new CheckView(diagnostics, notes, failed, passed);
    }

    /** The marks of one sheet: each diagnostic on its cell or row, each failed test row. */
    GridMarks marks(String workbook, String sheet) {
        GridMarks marks = new GridMarks();
        for (Finding f : diagnostics) {
            if (f.workbook().equals(workbook) && sheet.equals(f.sheet()) && f.cell() != null) {
                GridMarks.Mark mark = new GridMarks.Mark("mark-" + f.severity(), f.severityLabel(), f.code() + ": "
                        + f.detail());
                if (f.cell().startsWith("R") && f.cell().substring(1).chars().allMatch(Character::isDigit)) {
                    marks.row(Integer.parseInt(f.cell().substring(1)), mark);
                } else {
                    marks.cell(f.cell(), mark);
                }
            }
        }
        for (TestLine t : failed) {
            Matcher m = LOCATION.matcher(t.row());
            if (t.workbook().equals(workbook) && m.matches() && m.group(1).equals(sheet)) {
                marks.row(SheetGrid.rowOf(m.group(2)), new GridMarks.Mark("mark-failed", "test.failed",
                        t.detail()));
            }
        }
        return marks;
    }

    /** The first error (else warning) that names a cell: where the grid opens. */
    Finding first() {
        return diagnostics.stream().filter(f -> f.cell() != null).findFirst().orElse(null);
    }

    private static Finding finding(DiagnosticView d, ReadWorkbooks books, CellLinks links, Locale language) {
        String sheet = null;
        String cell = null;
        Matcher m = LOCATION.matcher(d.cell());
        if (m.matches()) {
            sheet = m.group(1);
            cell = m.group(2);
        } else if (!d.cell().isEmpty()) {
            sheet = d.cell();
        }
        boolean shown = sheet != null && books.sheet(d.workbook(), sheet).isPresent();
        return new Finding(d.severity(), d.workbook(), d.cell(), shown ? sheet : null, shown ? cell : null,
                d.code(), d.detailIn(language), shown ? links.link(d.workbook(), sheet, cell) : null);
    }

    /** The test row with what it expected and got, read from its English detail; shown in {@code language}. */
    private static TestLine test(RuleSetCheck.TestRow t, ReadWorkbooks books, CellLinks links, Locale language) {
        Matcher at = LOCATION.matcher(t.row());
        String shown = t.detailIn(language);
        if (!at.matches()) {
            return new TestLine(t.workbook(), t.row(), t.passed(), "", List.of(), null, shown, null);
        }
        String sheetName = at.group(1);
        int row = SheetGrid.rowOf(at.group(2));
        SheetData sheet = books.sheet(t.workbook(), sheetName).orElse(null);
        if (sheet == null) {
            return new TestLine(t.workbook(), t.row(), t.passed(), "", List.of(), null, shown, null);
        }
        Map<String, String[]> got = new LinkedHashMap<>();
        Matcher mismatch = MISMATCH.matcher(t.detail());
        while (mismatch.find()) {
            got.put(mismatch.group(1), new String[] {mismatch.group(3), mismatch.group(4)});
        }
        List<String> given = new ArrayList<>();
        List<Expectation> expectations = new ArrayList<>();
        for (Map.Entry<Integer, org.beacon.rules.workbook.RawCell> h : sheet.row(2).entrySet()) {
            String header = h.getValue().text().trim();
            String text = sheet.text(row, h.getKey());
            String column = org.beacon.rules.model.CellRef.columnName(h.getKey());
            Matcher g = GIVEN.matcher(header);
            Matcher e = EXPECT.matcher(header);
            if (g.matches() && !text.isEmpty()) {
                given.add(g.group(1) + " = " + text);
            } else if (e.matches() && (!text.isEmpty() || got.containsKey(column))) {
                String[] differs = got.get(column);
                expectations.add(differs == null ? new Expectation(e.group(1), text, text, true)
                        : new Expectation(e.group(1), text.isEmpty() ? differs[0] : text, differs[1], false));
            }
        }
        Matcher answered = ANSWERED.matcher(t.detail());
        return new TestLine(t.workbook(), t.row(), t.passed(), String.join(", ", given), expectations,
                answered.find() ? answered.group(1) : null, shown, links.link(t.workbook(), sheetName,
                "R" + row));
    }
}
