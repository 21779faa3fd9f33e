package org.beacon.rules.reading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.beacon.rules.model.CellRef;
import org.beacon.rules.model.Condition;
import org.beacon.rules.model.Criterion;
import org.beacon.rules.model.DecisionTable;
import org.beacon.rules.model.Dictionary;
import org.beacon.rules.model.ExpertText;
import org.beacon.rules.model.FilledIndicators;
import org.beacon.rules.model.Findings;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.HitPolicy;
import org.beacon.rules.model.Indicator;
import org.beacon.rules.model.Rule;
import org.beacon.rules.model.TypedOutputs;
import org.beacon.rules.model.WarningColour;
import org.beacon.rules.workbook.RawCell;
import org.beacon.rules.workbook.SheetData;

/**
 * Reads a Table sheet: properties (A/B) up to the first blank row, then a header row, then one rule per row. Every
 * cell is checked against its column's type; a bad cell is reported at its address and its row is left out.
 */
final class TableParser {

    private static final Pattern IF = Pattern.compile("^(?i:if|如果)\\s+(\\S+)(?:\\s+(.+))?$");
    private static final Pattern THEN = Pattern.compile("^(?i:then|则)\\s+(\\S+)$");
    private static final Pattern ACTION_CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-]{0,63}");
    private static final Pattern TAG = Pattern.compile("[VCM]");

    private enum Kind { INPUT, GRADE, COLOUR, ACTIONS, OUTPUT, SOURCE, TAG, NOTE }

    private record Column(int column, Kind kind, String name, Indicator indicator, Operator operator, String cell) {
    }

    private final Dictionary dictionary;
    private final ConditionParser conditions;
    private final Findings findings;

    TableParser(Dictionary dictionary, ConditionParser conditions, Findings findings) {
        this.dictionary = dictionary;
        this.conditions = conditions;
        this.findings = findings;
    }

    /** The table, or null when its structure is too broken to read rows (the reasons are reported). */
    DecisionTable parse(SheetData sheet, int index) {
        String name = sheet.name();
        String title = sheet.text(1, 2).isEmpty() ? name : sheet.text(1, 2);
        HitPolicy hitPolicy = null;
        List<String> eventTypes = List.of();
        boolean gapsExpected = false;
        boolean perSignal = false;
        int row = 2;
        for (; row <= sheet.lastRow() && !sheet.isRowBlank(row); row++) {
            String key = CellText.keyword(sheet.text(row, 1));
            String value = sheet.text(row, 2);
            String valueCell = CellRef.cell(name, row, 2);
            switch (key) {
                case "hit policy", "命中策略" -> {
                    hitPolicy = HitPolicy.parse(value).orElse(null);
                    if (hitPolicy == null) {
                        findings.error(valueCell, "UNKNOWN_HIT_POLICY", "'" + value + "' is not a hit policy; use "
                                + "first match, highest grade or collect all");
                        return null;
                    }
                }
                case "event types", "event type", "事件类型" -> eventTypes = eventTypes(value, valueCell);
                case "gaps", "空缺" -> {
                    switch (CellText.keyword(value)) {
                        case "expected", "允许", "" -> gapsExpected = true;
                        case "report", "报告" -> gapsExpected = false;
                        default -> findings.error(valueCell, "INVALID_VALUE", "'" + value + "' is not a Gaps "
                                + "setting; use expected (inputs that match no row are normal) or report");
                    }
                }
                case "for each", "逐项" -> {
                    switch (CellText.keyword(value)) {
                        case "signal", "signals", "信号" -> perSignal = true;
                        case "", "situation", "情形" -> perSignal = false;
                        default -> findings.error(valueCell, "INVALID_VALUE", "'" + value + "' is not a For each "
                                + "setting; use signal (the table looks at each surveillance signal in turn) or "
                                + "leave it empty");
                    }
                }
                case "description", "说明" -> {
                    // documentation only
                }
                default -> findings.error(CellRef.cell(name, row, 1), "UNKNOWN_HEADER", "'" + sheet.text(row, 1)
                        + "' is not a table property; use Hit policy, Event types, Gaps, For each or Description, and leave a "
                        + "blank row before the header");
            }
        }
        if (hitPolicy == null) {
            findings.error(CellRef.cell(name, 2, 1), "MISSING_PROPERTY", "table " + name + " has no 'Hit policy' row "
                    + "(first match, highest grade or collect all)");
            return null;
        }
        int headerRow = row;
        while (headerRow <= sheet.lastRow() && sheet.isRowBlank(headerRow)) {
            headerRow++;
        }
        if (headerRow > sheet.lastRow()) {
            findings.error(CellRef.row(name, headerRow), "EMPTY_REQUIRED_CELL", "table " + name
                    + " has no header row (IF …, THEN …) after its properties");
            return null;
        }
        List<Column> columns = header(sheet, headerRow);
        if (columns == null || !inputsKnown(columns, perSignal)) {
            return null;
        }
        List<Rule> rules = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int r : sheet.rowNumbers()) {
            if (r <= headerRow || columns.stream().allMatch(c -> sheet.text(r, c.column()).isEmpty())) {
                continue;
            }
            Rule rule = rule(sheet, r, columns);
            if (rule == null) {
                continue;
            }
            String key = rule.conditions().stream().map(c -> c.indicator().name() + " " + c.criterion().describe())
                    .toList().toString();
            Integer earlier = seen.putIfAbsent(key, r);
            if (earlier != null) {
                findings.error(rule.id(), "DUPLICATE_ROW", "row " + r + " has exactly the conditions of row "
                        + earlier + " (" + CellRef.row(name, earlier) + "); merge them or change one");
                continue;
            }
            rules.add(rule);
        }
        List<Indicator> inputs = columns.stream().filter(c -> c.kind() == Kind.INPUT).map(Column::indicator).toList();
        return new DecisionTable(index, findings.workbook(), name, title, hitPolicy, eventTypes, inputs, rules,
                headerRow, gapsExpected, perSignal);
    }

    /** Each IF column must test a value known when the table runs: signal statistics only while looking at a signal. */
    private boolean inputsKnown(List<Column> columns, boolean perSignal) {
        boolean ok = true;
        for (Column c : columns) {
            if (c.kind() != Kind.INPUT) {
                continue;
            }
            FilledIndicators.Role role = FilledIndicators.role(c.name());
            String problem = null;
            if (role == FilledIndicators.Role.PER_SIGNAL && !perSignal) {
                problem = c.name() + " describes one surveillance signal: it is known only in a table with the "
                        + "property 'For each: signal'";
            } else if (perSignal && role == FilledIndicators.Role.SIGNAL_COUNT) {
                problem = c.name() + " counts the signals after each has been looked at: test it in a table without "
                        + "'For each: signal'";
            } else if (perSignal && role == FilledIndicators.Role.RESPONSE_GRADE) {
                problem = "signals are looked at before the grade is decided: a 'For each: signal' table cannot test "
                        + "responseGrade";
            }
            if (problem != null) {
                findings.error(c.cell(), "INPUT_NOT_AVAILABLE", problem);
                ok = false;
            }
        }
        return ok;
    }

    private List<String> eventTypes(String value, String cell) {
        List<String> items = ExpertText.splitList(ExpertText.normalize(value));
        Indicator eventType = dictionary.find(Indicator.EVENT_TYPE).orElse(null);
        if (items.isEmpty()) {
            return List.of();
        }
        if (eventType == null) {
            findings.error(cell, "UNKNOWN_INDICATOR", "the dictionary does not declare eventType, so a table cannot "
                    + "be limited to event types");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String item : items) {
            String v = conditions.symbol(eventType, item, cell);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private List<Column> header(SheetData sheet, int row) {
        List<Column> columns = new ArrayList<>();
        Map<String, String> outputNames = new HashMap<>();
        boolean ok = true;
        for (Map.Entry<Integer, RawCell> e : sheet.row(row).entrySet()) {
            String raw = e.getValue().text().trim();
            if (raw.isEmpty()) {
                continue;
            }
            String text = ExpertText.normalize(raw);
            String cell = CellRef.cell(sheet.name(), row, e.getKey());
            Column column = headerCell(e.getKey(), text, cell);
            if (column == null) {
                ok = false;
                continue;
            }
            if (column.kind() != Kind.INPUT && column.kind() != Kind.NOTE) {
                String previous = outputNames.putIfAbsent(column.kind() + column.name(), cell);
                if (previous != null) {
                    findings.error(cell, "DUPLICATE_COLUMN", "'" + raw + "' is already a column at " + previous);
                    ok = false;
                    continue;
                }
            }
            columns.add(column);
        }
        if (ok && columns.stream().noneMatch(c -> c.kind() == Kind.INPUT)) {
            findings.error(CellRef.row(sheet.name(), row), "EMPTY_REQUIRED_CELL", "the header row has no IF column");
            ok = false;
        }
        return ok ? columns : null;
    }

    private Column headerCell(int col, String text, String cell) {
        Matcher m = IF.matcher(text);
        if (m.matches()) {
            Indicator ind = dictionary.find(m.group(1)).orElse(null);
            if (ind == null) {
                findings.error(cell, "UNKNOWN_INDICATOR", dictionary.notInDictionary(m.group(1)));
                return null;
            }
            Operator op = null;
            if (m.group(2) != null) {
                op = Operator.parse(m.group(2)).orElse(null);
                if (op == null) {
                    findings.error(cell, "UNKNOWN_OPERATOR", "'" + m.group(2) + "' is not an operator; allowed: "
                            + Operator.ALLOWED);
                    return null;
                }
            }
            return new Column(col, Kind.INPUT, ind.name(), ind, op, cell);
        }
        m = THEN.matcher(text);
        if (m.matches()) {
            String out = m.group(1);
            return switch (out.toLowerCase(Locale.ROOT)) {
                case "grade", "级别" -> new Column(col, Kind.GRADE, "grade", null, null, cell);
                case "colour", "color", "颜色" -> new Column(col, Kind.COLOUR, "colour", null, null, cell);
                case "actions", "措施" -> new Column(col, Kind.ACTIONS, "actions", null, null, cell);
                default -> {
                    if (!CellText.IDENTIFIER.matcher(out).matches()) {
                        findings.error(cell, "UNKNOWN_HEADER", "'" + out + "' is not a valid output name: use letters, "
                                + "digits and _, starting with a letter");
                        yield null;
                    }
                    yield new Column(col, Kind.OUTPUT, out, null, null, cell);
                }
            };
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "source", "来源" -> new Column(col, Kind.SOURCE, "source", null, null, cell);
            case "tag", "可信度" -> new Column(col, Kind.TAG, "tag", null, null, cell);
            case "note", "备注" -> new Column(col, Kind.NOTE, "note", null, null, cell);
            default -> {
                findings.error(cell, "UNKNOWN_HEADER", "'" + text + "' is not a header Beacon knows; use IF <indicator>, "
                        + "THEN <output>, SOURCE, TAG or NOTE");
                yield null;
            }
        };
    }

    private Rule rule(SheetData sheet, int row, List<Column> columns) {
        String name = sheet.name();
        int errorsBefore = findings.errorCount();
        List<Condition> conds = new ArrayList<>();
        Grade grade = null;
        WarningColour colour = null;
        List<String> actions = new ArrayList<>();
        Map<String, String> outputs = new LinkedHashMap<>();
        String source = "";
        String tag = "";
        String actionsCell = null;
        for (Column c : columns) {
            String text = sheet.text(row, c.column());
            String cell = CellRef.cell(name, row, c.column());
            switch (c.kind()) {
                case INPUT -> {
                    Criterion t = conditions.parse(c.indicator(), c.operator(), text, cell);
                    if (t != null) {
                        conds.add(new Condition(c.indicator(), t, cell, (c.operator() == null ? "" : c.operator().symbol + " ")
                                + ExpertText.normalize(text)));
                    }
                }
                case GRADE -> {
                    if (!text.isEmpty()) {
                        grade = Grade.parse(text).orElse(null);
                        if (grade == null) {
                            findings.error(cell, "INVALID_VALUE", "'" + text + "' is not a grade; use Ⅰ, Ⅱ, Ⅲ or Ⅳ "
                                    + "(or I–IV, 1–4, 特别重大/重大/较大/一般)");
                        }
                    }
                }
                case COLOUR -> {
                    if (!text.isEmpty()) {
                        colour = WarningColour.parse(text).orElse(null);
                        if (colour == null) {
                            findings.error(cell, "INVALID_VALUE", "'" + text + "' is not a warning colour; use red, "
                                    + "orange, yellow or blue (红/橙/黄/蓝)");
                        }
                    }
                }
                case ACTIONS -> {
                    actionsCell = cell;
                    for (String code : ExpertText.splitList(ExpertText.normalize(text))) {
                        if (!ACTION_CODE.matcher(code).matches()) {
                            findings.error(cell, "INVALID_VALUE", "'" + code + "' is not an action code: use letters, "
                                    + "digits, _, . and -, separated by commas");
                        } else {
                            actions.add(code);
                        }
                    }
                }
                case OUTPUT -> {
                    if (!text.isEmpty()) {
                        String value = TypedOutputs.canonical(c.name(), text).orElse(null);
                        if (value == null) {
                            findings.error(cell, "INVALID_VALUE", "'" + text + "' is not valid for THEN " + c.name()
                                    + ": use " + TypedOutputs.expected(c.name()));
                        } else {
                            outputs.put(c.name(), value);
                        }
                    }
                }
                case SOURCE -> source = text;
                case TAG -> {
                    String t = text.toUpperCase(Locale.ROOT);
                    if (!t.isEmpty() && !TAG.matcher(t).matches()) {
                        findings.error(cell, "INVALID_VALUE", "'" + text + "' is not a tag; use V (verified), "
                                + "C (corroborated) or M (from memory)");
                    }
                    tag = t;
                }
                case NOTE -> {
                    // ignored by the engine on purpose
                }
            }
        }
        if (findings.errorCount() > errorsBefore) {
            return null;
        }
        return new Rule(CellRef.row(name, row), row, conds, grade, colour, actions, outputs, source, tag,
                actionsCell);
    }
}
