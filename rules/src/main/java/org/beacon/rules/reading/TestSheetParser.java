package org.beacon.rules.reading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.beacon.rules.model.CellRef;
import org.beacon.rules.model.Dictionary;
import org.beacon.rules.model.ExpertText;
import org.beacon.rules.model.Findings;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.Indicator;
import org.beacon.rules.model.IndicatorType;
import org.beacon.rules.model.Message;
import org.beacon.rules.model.TestSheetCase;
import org.beacon.rules.model.WarningColour;
import org.beacon.rules.workbook.RawCell;
import org.beacon.rules.workbook.SheetData;

/** Reads a Tests sheet: row 2 is the header (GIVEN …, EXPECT …, NOTE), each following row a case. */
final class TestSheetParser {

    private static final Pattern GIVEN = Pattern.compile("^(?i:given|已知)\\s+(\\S+)$");
    private static final Pattern EXPECT = Pattern.compile("^(?i:expect|预期)\\s+(\\S+)$");
    private static final Pattern RULE_ID = Pattern.compile("[^!\\s,]+!R\\d+");

    private record Column(int column, String given, TestSheetCase.Kind kind, String output, Indicator indicator) {
    }

    private final Dictionary dictionary;
    private final ConditionParser values;
    private final Set<String> outputNames;
    private final Findings findings;

    TestSheetParser(Dictionary dictionary, ConditionParser values, Set<String> outputNames, Findings findings) {
        this.dictionary = dictionary;
        this.values = values;
        this.outputNames = outputNames;
        this.findings = findings;
    }

    List<TestSheetCase> parse(SheetData sheet) {
        List<Column> columns = header(sheet);
        List<TestSheetCase> cases = new ArrayList<>();
        if (columns == null) {
            return cases;
        }
        for (int row : sheet.rowNumbers()) {
            if (row <= 2 || columns.stream().allMatch(c -> sheet.text(row, c.column()).isEmpty())) {
                continue;
            }
            int errorsBefore = findings.errorCount();
            Map<String, Object> given = new LinkedHashMap<>();
            List<TestSheetCase.Expectation> expectations = new ArrayList<>();
            String note = "";
            for (Column c : columns) {
                String text = ExpertText.normalize(sheet.text(row, c.column()));
                String cell = CellRef.cell(sheet.name(), row, c.column());
                if (c.given() != null) {
                    // blank, or written as missing, the situation does not give the value
                    boolean missing = text.isEmpty() || CellText.isMissing(text)
                            && !(c.indicator().type() == IndicatorType.ENUM
                                    && c.indicator().enumValue(text).isPresent());
                    if (!missing) {
                        Object v = givenValue(c.indicator(), text, cell);
                        if (v != null) {
                            given.put(c.given(), v);
                        }
                    }
                } else if (c.kind() != null) {
                    if (!text.isEmpty()) {
                        TestSheetCase.Expectation e = expectation(c, text, cell);
                        if (e != null) {
                            expectations.add(e);
                        }
                    }
                } else {
                    note = sheet.text(row, c.column());
                }
            }
            if (findings.errorCount() > errorsBefore) {
                continue;
            }
            if (expectations.isEmpty()) {
                findings.warning(CellRef.row(sheet.name(), row), Message.of("EMPTY_TEST"));
                continue;
            }
            cases.add(new TestSheetCase(findings.workbook(), CellRef.row(sheet.name(), row), given, expectations,
                    note));
        }
        return cases;
    }

    private List<Column> header(SheetData sheet) {
        List<Column> columns = new ArrayList<>();
        boolean ok = true;
        for (Map.Entry<Integer, RawCell> e : sheet.row(2).entrySet()) {
            String text = ExpertText.normalize(e.getValue().text());
            if (text.isEmpty()) {
                continue;
            }
            String cell = CellRef.cell(sheet.name(), 2, e.getKey());
            Matcher m = GIVEN.matcher(text);
            if (m.matches()) {
                Indicator ind = dictionary.find(m.group(1)).orElse(null);
                if (ind == null) {
                    findings.error(cell, dictionary.notInDictionary(m.group(1)));
                    ok = false;
                } else {
                    columns.add(new Column(e.getKey(), ind.name(), null, null, ind));
                }
                continue;
            }
            m = EXPECT.matcher(text);
            if (m.matches()) {
                String what = m.group(1);
                TestSheetCase.Kind kind = switch (what.toLowerCase(Locale.ROOT)) {
                    case "grade", "级别" -> TestSheetCase.Kind.GRADE;
                    case "colour", "color", "颜色" -> TestSheetCase.Kind.COLOUR;
                    case "rows", "rules", "规则" -> TestSheetCase.Kind.ROWS;
                    default -> TestSheetCase.Kind.OUTPUT;
                };
                String output = kind == TestSheetCase.Kind.OUTPUT ? what : kind.name().toLowerCase(Locale.ROOT);
                if (kind == TestSheetCase.Kind.OUTPUT && !outputNames.contains(what)) {
                    findings.error(cell, Message.of("UNKNOWN_HEADER.testOutput", what,
                            String.join(", ", new java.util.TreeSet<>(outputNames))));
                    ok = false;
                    continue;
                }
                columns.add(new Column(e.getKey(), null, kind, output, null));
                continue;
            }
            if (CellText.keyword(text).equals("note") || text.equals("备注")) {
                columns.add(new Column(e.getKey(), null, null, null, null));
                continue;
            }
            findings.error(cell, Message.of("UNKNOWN_HEADER.testColumn", text));
            ok = false;
        }
        return ok ? columns : null;
    }

    private Object givenValue(Indicator ind, String text, String cell) {
        if (ind.type().isNumeric()) {
            BigDecimal n;
            try {
                n = new BigDecimal(text);
            } catch (NumberFormatException e) {
                findings.error(cell, Message.of("WRONG_TYPE.givenNumber", ind.name(), ind.type().word(), text));
                return null;
            }
            if (ind.type() == IndicatorType.INTEGER && n.stripTrailingZeros().scale() > 0) {
                findings.error(cell, Message.of("WRONG_TYPE.notWhole", ind.name(), text));
                return null;
            }
            if (!ind.withinPrecision(n)) {
                findings.error(cell, Message.of("WRONG_TYPE.tooManyDecimals", ind.name(), ind.decimals(), text));
                return null;
            }
            if (!ind.inRange(n)) {
                findings.error(cell, Message.of("VALUE_OUT_OF_RANGE.given", text, ind.name(), ind.rangeText()));
                return null;
            }
            return n;
        }
        return values.symbol(ind, text, cell);
    }

    private TestSheetCase.Expectation expectation(Column c, String text, String cell) {
        boolean none = text.equalsIgnoreCase("none") || text.equals("无");
        Set<String> expected = new HashSet<>();
        if (!none) {
            switch (c.kind()) {
                case GRADE -> {
                    Grade g = Grade.parse(text).orElse(null);
                    if (g == null) {
                        findings.error(cell, Message.of("INVALID_VALUE.expectGrade", text));
                        return null;
                    }
                    expected.add(g.numeral());
                }
                case COLOUR -> {
                    WarningColour w = WarningColour.parse(text).orElse(null);
                    if (w == null) {
                        findings.error(cell, Message.of("INVALID_VALUE.expectColour", text));
                        return null;
                    }
                    expected.add(w.code());
                }
                case ROWS -> {
                    for (String id : ExpertText.splitList(text)) {
                        if (!RULE_ID.matcher(id).matches()) {
                            findings.error(cell, Message.of("INVALID_VALUE.ruleId", id));
                            return null;
                        }
                        expected.add(id);
                    }
                }
                case OUTPUT -> {
                    for (String item : ExpertText.splitList(text)) {
                        String value = dictionary.outputValue(c.output(), item).orElse(null);
                        if (value == null) {
                            findings.error(cell, Message.of("INVALID_VALUE.expectOutput", item, c.output(),
                                    dictionary.expectedOutput(c.output())));
                            return null;
                        }
                        expected.add(value);
                    }
                }
            }
        }
        return new TestSheetCase.Expectation(c.kind(), c.output(), cell, expected);
    }
}
