package org.beacon.rules.reading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beacon.rules.model.ActionDefinition;
import org.beacon.rules.model.CellRef;
import org.beacon.rules.model.DecisionTable;
import org.beacon.rules.model.Dictionary;
import org.beacon.rules.model.Findings;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.Indicator;
import org.beacon.rules.model.Message;
import org.beacon.rules.model.Rule;
import org.beacon.rules.model.RuleSetBudget;
import org.beacon.rules.model.RuleSetModel;
import org.beacon.rules.model.TestSheetCase;
import org.beacon.rules.model.VersionSize;
import org.beacon.rules.model.WarningColour;
import org.beacon.rules.model.WorkbookLimits;
import org.beacon.rules.model.WorkbookSource;
import org.beacon.rules.workbook.RawCell;
import org.beacon.rules.workbook.SheetData;
import org.beacon.rules.workbook.WorkbookContent;
import org.beacon.rules.workbook.WorkbookReader;

/**
 * The one way into reading: turns workbook files into one {@link RuleSetModel} plus diagnostics, in two steps.
 * {@link #readFiles} reads each file within the limits (bounded, nothing evaluated, see {@link WorkbookReader}) and
 * refuses a version over its {@link RuleSetBudget} from its counts, before any cell is parsed; {@link #parse} then
 * parses the sheets of all of them: dictionaries and parameters first (tables use them wherever they are), then
 * tables, then tests (which name the tables' outputs). Sheets are recognised by their A1 keyword. Thread-safe: holds
 * no state between calls.
 */
public final class RuleSetReader {

    private final WorkbookReader files;
    private final RuleSetBudget budget;

    public RuleSetReader(WorkbookLimits limits, RuleSetBudget budget) {
        this.files = new WorkbookReader(limits);
        this.budget = budget;
    }

    private enum SheetKind { DICTIONARY, PARAMETERS, COLOURS, ACTIONS, TABLE, TESTS, OTHER }

    private record Sheet(String workbook, SheetData data, SheetKind kind) {
    }

    /**
     * Workbook files read within the limits and counted against the budget, their sheets not yet parsed: the first
     * of the two steps of reading, which the compiler times apart.
     */
    public static final class WorkbooksRead {

        private final List<WorkbookContent> contents;
        private final VersionSize size;

        private WorkbooksRead(List<WorkbookContent> contents, VersionSize size) {
            this.contents = List.copyOf(contents);
            this.size = size;
        }

        /** Their size as the budget counted it. */
        public VersionSize size() {
            return size;
        }
    }

    /** The size of these workbooks as the budget counts it; a file that cannot be read counts for nothing. */
    public VersionSize size(List<WorkbookSource> sources) {
        return RuleSetSize.of(sources.stream().map(files::read).toList()).version();
    }

    /**
     * Reads the files: each within the limits, then all of them counted against the budget. Null when a file
     * cannot be read or the version is over its budget; diagnostics go to {@code findings}.
     */
    public WorkbooksRead readFiles(List<WorkbookSource> sources, Findings findings) {
        List<WorkbookContent> contents = new ArrayList<>();
        for (WorkbookSource source : sources) {
            WorkbookContent content = files.read(source);
            content.diagnostics().forEach(d -> findings.forWorkbook(d.workbook()).error(d.location(), d.text()));
            contents.add(content);
        }
        RuleSetSize size = RuleSetSize.of(contents);
        if (findings.hasErrors() || !size.fits(budget, findings)) {
            return null;
        }
        return new WorkbooksRead(contents, size.version());
    }

    /**
     * The model of workbooks read by {@link #readFiles}; diagnostics go to {@code findings}. Tables with errors are
     * left out of the model.
     */
    public RuleSetModel parse(WorkbooksRead workbooks, Findings findings) {
        return readSheets(workbooks.contents, findings, Map.of());
    }

    /**
     * The model with some parameters given other values than their cells hold, as if typed there: what a
     * calibration compiles. A name no Parameters sheet declares is an {@code UNKNOWN_PARAMETER} error.
     */
    public RuleSetModel parse(WorkbooksRead workbooks, Findings findings, Map<String, BigDecimal> overrides) {
        return readSheets(workbooks.contents, findings, overrides);
    }

    /**
     * The model of workbooks already read (for the benchmarks, which time reading the files and parsing the sheets
     * apart); diagnostics go to {@code findings}.
     */
    public RuleSetModel readSheets(List<WorkbookContent> workbooks, Findings findings) {
        return readSheets(workbooks, findings, Map.of());
    }

    private RuleSetModel readSheets(List<WorkbookContent> workbooks, Findings findings,
            Map<String, BigDecimal> overrides) {
        List<Sheet> sheets = classify(workbooks, findings);
        Map<String, Indicator> indicators = new LinkedHashMap<>();
        Map<String, BigDecimal> parameters = new LinkedHashMap<>();
        Map<String, String> parameterLocations = new HashMap<>();
        Map<Grade, WarningColour> colours = new EnumMap<>(Grade.class);
        Map<String, ActionDefinition> actions = new LinkedHashMap<>();
        boolean colourSheet = false;
        for (Sheet s : sheets) {
            Findings f = findings.forWorkbook(s.workbook());
            switch (s.kind()) {
                case DICTIONARY -> DictionaryParser.parse(s.data(), indicators, f);
                case PARAMETERS -> {
                    Set<String> before = new HashSet<>(parameterLocations.keySet());
                    ParameterParser.parse(s.data(), parameters, parameterLocations, f);
                    parameterLocations.replaceAll((name, cell) -> before.contains(name) ? cell
                            : s.workbook() + " " + cell);
                }
                case ACTIONS -> ActionParser.parse(s.data(), actions, f);
                case COLOURS -> {
                    ColourParser.parse(s.data(), colours, f);
                    colourSheet = true;
                }
                default -> {
                    // read in the next passes
                }
            }
        }
        if (!colourSheet) {
            colours.putAll(ColourParser.NATIONAL);
        }
        overrides.forEach((name, value) -> {
            if (parameters.containsKey(name)) {
                parameters.put(name, value);
            } else {
                findings.error("", Message.of("UNKNOWN_PARAMETER.override", name,
                        Dictionary.suggestion(Dictionary.closest(name, parameters.keySet()))));
            }
        });
        Dictionary dictionary = new Dictionary(new ArrayList<>(indicators.values()));
        List<DecisionTable> tables = new ArrayList<>();
        for (Sheet s : sheets) {
            if (s.kind() == SheetKind.TABLE) {
                Findings f = findings.forWorkbook(s.workbook());
                if (dictionary.size() == 0) {
                    f.error(s.data().name(), Message.of("NO_DICTIONARY"));
                    continue;
                }
                DecisionTable t = new TableParser(dictionary, new ConditionParser(parameters, f), f)
                        .parse(s.data(), tables.size());
                if (t != null) {
                    checkActionCodes(t, actions, f);
                    tables.add(t);
                }
            }
        }
        if (sheets.stream().noneMatch(s -> s.kind() == SheetKind.TABLE) && !findings.hasErrors()) {
            findings.error("", Message.of("NO_TABLES.noTableSheet"));
        }
        Set<String> outputNames = new LinkedHashSet<>();
        tables.forEach(t -> t.rules().forEach(r -> outputNames.addAll(r.outputs().keySet())));
        outputNames.add("actions");
        List<TestSheetCase> tests = new ArrayList<>();
        for (Sheet s : sheets) {
            if (s.kind() == SheetKind.TESTS) {
                Findings f = findings.forWorkbook(s.workbook());
                tests.addAll(new TestSheetParser(dictionary, new ConditionParser(parameters, f), outputNames, f)
                        .parse(s.data()));
            }
        }
        return new RuleSetModel(dictionary, parameters, colours, tables, tests, actions, parameterLocations);
    }

    /** With an action catalogue, every action code a table names must be in it. */
    private static void checkActionCodes(DecisionTable t, Map<String, ActionDefinition> actions, Findings f) {
        if (actions.isEmpty()) {
            return;
        }
        for (Rule r : t.rules()) {
            for (String code : r.actions()) {
                if (!actions.containsKey(code)) {
                    f.error(r.actionsCell() == null ? r.id() : r.actionsCell(), Message.of("UNKNOWN_ACTION", code,
                            Dictionary.suggestion(Dictionary.closest(code, actions.keySet()))));
                }
            }
        }
    }

    private static List<Sheet> classify(List<WorkbookContent> workbooks, Findings findings) {
        List<Sheet> sheets = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (WorkbookContent wb : workbooks) {
            Findings f = findings.forWorkbook(wb.workbook());
            for (SheetData data : wb.sheets()) {
                SheetKind kind = kind(data.text(1, 1));
                if (kind == SheetKind.OTHER) {
                    f.info(data.name(), Message.of("SHEET_IGNORED", data.name()));
                    continue;
                }
                // rule ids name a table by its sheet, so table sheets must be unique across workbooks; each
                // workbook may have its own Dictionary or Tests sheet
                String previous = kind == SheetKind.TABLE ? names.putIfAbsent(data.name(), wb.workbook()) : null;
                if (previous != null) {
                    f.error(data.name(), Message.of("DUPLICATE_SHEET.table", data.name(), previous));
                    continue;
                }
                reportFormulas(data, f);
                sheets.add(new Sheet(wb.workbook(), data, kind));
            }
        }
        return sheets;
    }

    private static void reportFormulas(SheetData data, Findings findings) {
        for (int row : data.rowNumbers()) {
            for (RawCell cell : data.row(row).values()) {
                if (cell.formula()) {
                    findings.warning(CellRef.cell(data.name(), row, cell.column()), Message.of("FORMULA_NOT_EVALUATED",
                            cell.text().isBlank() ? Message.word("none") : cell.text()));
                }
            }
        }
    }

    /** Whether a sheet is a decision table (Table in A1), as {@link #parse} will take it. */
    static boolean isTable(SheetData data) {
        return kind(data.text(1, 1)) == SheetKind.TABLE;
    }

    private static SheetKind kind(String a1) {
        return switch (CellText.keyword(a1)) {
            case "dictionary", "指标字典" -> SheetKind.DICTIONARY;
            case "parameters", "参数" -> SheetKind.PARAMETERS;
            case "colours", "colors", "预警颜色" -> SheetKind.COLOURS;
            case "actions", "措施目录" -> SheetKind.ACTIONS;
            case "table", "决策表" -> SheetKind.TABLE;
            case "tests", "测试" -> SheetKind.TESTS;
            default -> SheetKind.OTHER;
        };
    }
}
