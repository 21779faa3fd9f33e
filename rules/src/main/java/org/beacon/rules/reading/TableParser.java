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
import org.beacon.rules.model.Findings;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.HitPolicy;
import org.beacon.rules.model.Indicator;
import org.beacon.rules.model.Message;
import org.beacon.rules.model.Rule;
import org.beacon.rules.model.WarningColour;
import org.beacon.rules.reading.TableHeader.Column;
import org.beacon.rules.reading.TableHeader.Kind;
import org.beacon.rules.workbook.SheetData;

/**
 * Reads a Table sheet: properties (A/B) up to the first blank row, then a header row, then one rule per row. Every
 * cell is checked against its column's type; a bad cell is reported at its address and its row is left out.
 */
final class TableParser {

    private static final Pattern ACTION_CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-]{0,63}");
    private static final Pattern TAG = Pattern.compile("[VCM]");
    private static final Pattern HIGHEST_OUTPUT = Pattern.compile("^(?i:highest|最高)\\s*([A-Za-z][A-Za-z0-9_]*)$");

    private final Dictionary dictionary;
    private final ConditionParser conditions;
    private final Findings findings;
    private final TableHeader header;

    TableParser(Dictionary dictionary, ConditionParser conditions, Findings findings) {
        this.dictionary = dictionary;
        this.conditions = conditions;
        this.findings = findings;
        this.header = new TableHeader(dictionary, findings);
    }

    /** The rows between a table's A1 keyword and its header: what the table is and how it answers. */
    private static final class Properties {
        HitPolicy hitPolicy;
        List<String> eventTypes = List.of();
        boolean gapsExpected;
        boolean overlapsExpected;
        boolean perSignal;
        boolean coverageRequired;
        /** The cell of {@code Missing: covered}, or null. */
        String missingCoveredCell;
        /** The output named by {@code highest <name>}, or null. */
        String rankedByName;
        String hitPolicyText;
        String hitPolicyCell;
        /** The first row after them. */
        int end;
    }

    /** The table, or null when its structure is too broken to read rows (the reasons are reported). */
    DecisionTable parse(SheetData sheet, int index) {
        String name = sheet.name();
        String title = sheet.text(1, 2).isEmpty() ? name : sheet.text(1, 2);
        Properties p = properties(sheet);
        if (p == null) {
            return null;
        }
        if (p.hitPolicy == null) {
            findings.error(CellRef.cell(name, 2, 1), Message.of("MISSING_PROPERTY", name));
            return null;
        }
        int headerRow = p.end;
        while (headerRow <= sheet.lastRow() && sheet.isRowBlank(headerRow)) {
            headerRow++;
        }
        if (headerRow > sheet.lastRow()) {
            findings.error(CellRef.row(name, headerRow), Message.of("EMPTY_REQUIRED_CELL.tableHeader", name));
            return null;
        }
        TableHeader.Columns read = header.read(sheet, headerRow);
        List<Column> columns = read.known();
        if (!read.complete()) {
            // the cells under the understood headers are still checked, so one check reports all of the table
            checkCells(sheet, headerRow, columns);
            return null;
        }
        if (!header.inputsKnown(columns, p.perSignal)) {
            return null;
        }
        Indicator rankedBy = rankedBy(p, columns);
        if (rankedBy == NOT_RANKABLE) {
            return null;
        }
        List<Rule> rules = rules(sheet, headerRow, columns);
        List<Indicator> inputs = columns.stream().filter(c -> c.kind() == Kind.INPUT).map(Column::indicator).toList();
        return new DecisionTable(index, findings.workbook(), name, title, p.hitPolicy, p.eventTypes, inputs, rules,
                headerRow, p.gapsExpected, p.perSignal, rankedBy, p.overlapsExpected, p.coverageRequired,
                p.missingCoveredCell);
    }

    private static final Indicator NOT_RANKABLE = new Indicator(-1, "-", org.beacon.rules.model.IndicatorType.TEXT,
            List.of(), "", null, null, "", "", "", "");

    /**
     * The ordered output a {@code highest} table keeps the most serious value of: the one {@code highest <name>}
     * names, or under plain {@code highest} (and {@code highest grade}) the table's only ordered output when it has
     * neither grade nor colour to rank by; null to rank by grade; {@link #NOT_RANKABLE} when the name is not an
     * ordered output of the table (reported).
     */
    private Indicator rankedBy(Properties p, List<Column> columns) {
        List<Indicator> ordered = columns.stream().filter(c -> c.kind() == Kind.OUTPUT)
                .map(c -> dictionary.orderedOutput(c.name()).orElse(null)).filter(java.util.Objects::nonNull).toList();
        if (p.rankedByName != null) {
            Indicator named = ordered.stream().filter(i -> i.name().equals(p.rankedByName)).findFirst().orElse(null);
            if (named == null) {
                findings.error(p.hitPolicyCell, Message.of("UNKNOWN_HIT_POLICY.notOrdered", p.hitPolicyText,
                        p.rankedByName));
                return NOT_RANKABLE;
            }
            return named;
        }
        boolean gradeOrColour = columns.stream().anyMatch(c -> c.kind() == Kind.GRADE || c.kind() == Kind.COLOUR);
        return p.hitPolicy == HitPolicy.HIGHEST_GRADE && !gradeOrColour && ordered.size() == 1 ? ordered.get(0) : null;
    }

    /** The property rows from row 2 to the first blank row, or null when the hit policy is not one (reported). */
    private Properties properties(SheetData sheet) {
        String name = sheet.name();
        Properties p = new Properties();
        int row = 2;
        for (; row <= sheet.lastRow() && !sheet.isRowBlank(row); row++) {
            String key = CellText.keyword(sheet.text(row, 1));
            String value = sheet.text(row, 2);
            String valueCell = CellRef.cell(name, row, 2);
            switch (key) {
                case "hit policy", "命中策略" -> {
                    p.hitPolicy = HitPolicy.parse(value).orElse(null);
                    p.hitPolicyText = value;
                    p.hitPolicyCell = valueCell;
                    Matcher highest = HIGHEST_OUTPUT.matcher(ExpertText.normalize(value));
                    if (p.hitPolicy == null && highest.matches()) {
                        p.hitPolicy = HitPolicy.HIGHEST_GRADE;
                        p.rankedByName = highest.group(1);
                    }
                    if (p.hitPolicy == null) {
                        findings.error(valueCell, Message.of("UNKNOWN_HIT_POLICY", value));
                        return null;
                    }
                }
                case "event types", "event type", "事件类型" -> p.eventTypes = eventTypes(value, valueCell);
                case "gaps", "空缺" -> {
                    switch (CellText.keyword(value)) {
                        case "expected", "允许", "" -> p.gapsExpected = true;
                        case "report", "报告" -> p.gapsExpected = false;
                        default -> findings.error(valueCell, Message.of("INVALID_VALUE.gaps", value));
                    }
                }
                case "coverage", "覆盖" -> {
                    switch (CellText.keyword(value)) {
                        case "required", "必需", "必须" -> p.coverageRequired = true;
                        case "report", "报告", "" -> p.coverageRequired = false;
                        default -> findings.error(valueCell, Message.of("INVALID_VALUE.coverage", value));
                    }
                }
                case "overlaps", "重叠" -> {
                    switch (CellText.keyword(value)) {
                        case "expected", "允许", "" -> p.overlapsExpected = true;
                        case "report", "报告" -> p.overlapsExpected = false;
                        default -> findings.error(valueCell, Message.of("INVALID_VALUE.overlaps", value));
                    }
                }
                case "missing", "缺失" -> {
                    switch (CellText.keyword(value)) {
                        case "covered", "必须覆盖", "覆盖", "必需" -> p.missingCoveredCell = valueCell;
                        case "report", "报告", "" -> p.missingCoveredCell = null;
                        default -> findings.error(valueCell, Message.of("INVALID_VALUE.missing", value));
                    }
                }
                case "for each", "逐项" -> {
                    switch (CellText.keyword(value)) {
                        case "signal", "signals", "信号" -> p.perSignal = true;
                        case "", "situation", "情形" -> p.perSignal = false;
                        default -> findings.error(valueCell, Message.of("INVALID_VALUE.forEach", value));
                    }
                }
                case "description", "说明" -> {
                    // documentation only
                }
                default -> findings.error(CellRef.cell(name, row, 1), Message.of("UNKNOWN_HEADER.property",
                        sheet.text(row, 1)));
            }
        }
        p.end = row;
        return p;
    }

    /**
     * Reports the bad cells of the rule rows in {@code columns} when other header cells could not be read. Rows are
     * not compared with each other: without all their conditions, two different rows could look the same.
     */
    private void checkCells(SheetData sheet, int headerRow, List<Column> columns) {
        for (int r : sheet.rowNumbers()) {
            if (r > headerRow && !columns.stream().allMatch(c -> sheet.text(r, c.column()).isEmpty())) {
                rule(sheet, r, columns);
            }
        }
    }

    /** The rule rows below the header; a row with an error, or with the conditions of an earlier row, is left out. */
    private List<Rule> rules(SheetData sheet, int headerRow, List<Column> columns) {
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
                findings.error(rule.id(), Message.of("DUPLICATE_ROW.conditions", r, earlier,
                        CellRef.row(sheet.name(), earlier)));
                continue;
            }
            rules.add(rule);
        }
        return rules;
    }

    private List<String> eventTypes(String value, String cell) {
        List<String> items = ExpertText.splitList(ExpertText.normalize(value));
        Indicator eventType = dictionary.find(Indicator.EVENT_TYPE).orElse(null);
        if (items.isEmpty()) {
            return List.of();
        }
        if (eventType == null) {
            findings.error(cell, Message.of("UNKNOWN_INDICATOR.eventType"));
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

    /** One rule row, or null when a cell of it has an error (reported). */
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
                        conds.add(new Condition(c.indicator(), t, cell,
                                (c.operator() == null ? "" : c.operator().symbol + " ") + ExpertText.normalize(text)));
                    }
                }
                case GRADE -> grade = text.isEmpty() ? grade : grade(text, cell);
                case COLOUR -> colour = text.isEmpty() ? colour : colour(text, cell);
                case ACTIONS -> {
                    actionsCell = cell;
                    actions.addAll(actionCodes(text, cell));
                }
                case OUTPUT -> {
                    if (!text.isEmpty()) {
                        output(c.name(), text, cell, outputs);
                    }
                }
                case SOURCE -> source = text;
                case TAG -> tag = tag(text, cell);
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

    /** The grade a THEN grade cell names, or null (reported). */
    private Grade grade(String text, String cell) {
        Grade grade = Grade.parse(text).orElse(null);
        if (grade == null) {
            findings.error(cell, Message.of("INVALID_VALUE.grade", text));
        }
        return grade;
    }

    /** The colour a THEN colour cell names, or null (reported). */
    private WarningColour colour(String text, String cell) {
        WarningColour colour = WarningColour.parse(text).orElse(null);
        if (colour == null) {
            findings.error(cell, Message.of("INVALID_VALUE.warningColour", text));
        }
        return colour;
    }

    /** The action codes of a THEN actions cell; a code that is not one is reported and left out. */
    private List<String> actionCodes(String text, String cell) {
        List<String> codes = new ArrayList<>();
        for (String code : ExpertText.splitList(ExpertText.normalize(text))) {
            if (!ACTION_CODE.matcher(code).matches()) {
                findings.error(cell, Message.of("INVALID_VALUE.actionCodes", code));
            } else {
                codes.add(code);
            }
        }
        return codes;
    }

    /** Puts a THEN output's value, in its canonical spelling, into {@code outputs}; an invalid one is reported. */
    private void output(String name, String text, String cell, Map<String, String> outputs) {
        String value = dictionary.outputValue(name, text).orElse(null);
        if (value == null) {
            findings.error(cell, Message.of("INVALID_VALUE.output", text, name, dictionary.expectedOutput(name)));
        } else {
            outputs.put(name, value);
        }
    }

    /** The TAG cell upper-cased; one that is not V, C or M is reported (and kept, the row being refused). */
    private String tag(String text, String cell) {
        String t = text.toUpperCase(Locale.ROOT);
        if (!t.isEmpty() && !TAG.matcher(t).matches()) {
            findings.error(cell, Message.of("INVALID_VALUE.tag", text));
        }
        return t;
    }
}
