package org.beacon.rules.reading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.beacon.rules.model.CellRef;
import org.beacon.rules.model.Dictionary;
import org.beacon.rules.model.ExpertText;
import org.beacon.rules.model.FilledIndicators;
import org.beacon.rules.model.Findings;
import org.beacon.rules.model.Indicator;
import org.beacon.rules.model.Message;
import org.beacon.rules.workbook.RawCell;
import org.beacon.rules.workbook.SheetData;

/**
 * The header row of a Table sheet: which column is an IF input (with its indicator and operator), which a THEN
 * output, SOURCE, TAG or NOTE; each header cell checked against the dictionary and reported at its address.
 */
final class TableHeader {

    private static final Pattern IF = Pattern.compile("^(?i:if|如果)\\s+(\\S+)(?:\\s+(.+))?$");
    private static final Pattern THEN = Pattern.compile("^(?i:then|则)\\s+(\\S+)$");

    /** What a column holds. */
    enum Kind { INPUT, GRADE, COLOUR, ACTIONS, OUTPUT, SOURCE, TAG, NOTE }

    /**
     * One column of a table.
     *
     * @param indicator the indicator an IF column tests, null for the others
     * @param operator the operator its header gives ({@code IF cases ≥}), or null
     */
    record Column(int column, Kind kind, String name, Indicator indicator, Operator operator, String cell) {
    }

    /**
     * The columns of a header row.
     *
     * @param known the columns whose header cell was understood, in sheet order
     * @param complete false when a header cell has an error (reported): the table cannot be compiled, though the
     *     cells of its known columns can still be checked
     */
    record Columns(List<Column> known, boolean complete) {
    }

    private final Dictionary dictionary;
    private final Findings findings;

    TableHeader(Dictionary dictionary, Findings findings) {
        this.dictionary = dictionary;
        this.findings = findings;
    }

    /** The header row's columns; every header cell with an error is reported and left out. */
    Columns read(SheetData sheet, int row) {
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
                    findings.error(cell, Message.of("DUPLICATE_COLUMN.header", raw, previous));
                    ok = false;
                    continue;
                }
            }
            columns.add(column);
        }
        if (ok && columns.stream().noneMatch(c -> c.kind() == Kind.INPUT)) {
            findings.error(CellRef.row(sheet.name(), row), Message.of("EMPTY_REQUIRED_CELL.noIfColumn"));
            ok = false;
        }
        return new Columns(columns, ok);
    }

    private Column headerCell(int col, String text, String cell) {
        Matcher m = IF.matcher(text);
        if (m.matches()) {
            Indicator ind = dictionary.find(m.group(1)).orElse(null);
            if (ind == null) {
                findings.error(cell, dictionary.notInDictionary(m.group(1)));
                return null;
            }
            Operator op = null;
            if (m.group(2) != null) {
                op = Operator.parse(m.group(2)).orElse(null);
                if (op == null) {
                    findings.error(cell, Message.of("UNKNOWN_OPERATOR.header", m.group(2), Operator.ALLOWED));
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
                        findings.error(cell, Message.of("UNKNOWN_HEADER.outputName", out));
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
                findings.error(cell, Message.of("UNKNOWN_HEADER.table", text));
                yield null;
            }
        };
    }

    /** Each IF column must test a value known when the table runs: signal statistics only while looking at a signal. */
    boolean inputsKnown(List<Column> columns, boolean perSignal) {
        boolean ok = true;
        for (Column c : columns) {
            if (c.kind() != Kind.INPUT) {
                continue;
            }
            FilledIndicators.Role role = FilledIndicators.role(c.name());
            Message problem = null;
            if (role == FilledIndicators.Role.PER_SIGNAL && !perSignal) {
                problem = Message.of("INPUT_NOT_AVAILABLE.perSignal", c.name());
            } else if (perSignal && role == FilledIndicators.Role.SIGNAL_COUNT) {
                problem = Message.of("INPUT_NOT_AVAILABLE.signalCount", c.name());
            } else if (perSignal && role == FilledIndicators.Role.RESPONSE_GRADE) {
                problem = Message.of("INPUT_NOT_AVAILABLE.responseGrade");
            }
            if (problem != null) {
                findings.error(c.cell(), problem);
                ok = false;
            }
        }
        return ok;
    }
}
