package org.beacon.rules.reading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.beacon.rules.model.CellRef;
import org.beacon.rules.model.ExpertText;
import org.beacon.rules.model.FilledIndicators;
import org.beacon.rules.model.Findings;
import org.beacon.rules.model.Indicator;
import org.beacon.rules.model.IndicatorType;
import org.beacon.rules.model.Message;
import org.beacon.rules.workbook.SheetData;

/** Reads a Dictionary sheet: row 2 is the header, every following non-blank row one indicator. */
final class DictionaryParser {

    private static final Pattern ENUM_VALUE = Pattern.compile("[\\p{L}\\p{N}_.\\-]{1,64}");
    private static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("name", List.of("Name", "名称", "指标"));
        COLUMNS.put("type", List.of("Type", "类型"));
        COLUMNS.put("values", List.of("Values", "取值"));
        COLUMNS.put("unit", List.of("Unit", "单位"));
        COLUMNS.put("min", List.of("Min", "最小值"));
        COLUMNS.put("max", List.of("Max", "最大值"));
        COLUMNS.put("decimals", List.of("Decimals", "小数位数", "小数位"));
        COLUMNS.put("zh", List.of("说明", "中文说明"));
        COLUMNS.put("en", List.of("Description", "英文说明"));
    }

    private DictionaryParser() {
    }

    /** The indicator's type, or null when its cell is empty or names no type (reported). */
    private static IndicatorType type(SheetData sheet, FixedHeader header, int row, String name,
            Findings findings) {
        String typeText = header.text(sheet, row, "type");
        if (typeText.isEmpty()) {
            findings.error(header.cell(sheet, row, "type"), Message.of("EMPTY_REQUIRED_CELL.indicatorType", name));
            return null;
        }
        IndicatorType type = IndicatorType.parse(typeText).orElse(null);
        if (type == null) {
            findings.error(header.cell(sheet, row, "type"), Message.of("INVALID_DICTIONARY_ENTRY.type", typeText));
        }
        return type;
    }

    /** Appends this sheet's indicators to {@code into}, numbering them after those already there. */
    static void parse(SheetData sheet, Map<String, Indicator> into, Findings findings) {
        FixedHeader header = new FixedHeader(sheet, 2, COLUMNS, List.of("name", "type"), findings);
        for (int row : sheet.rowNumbers()) {
            if (row <= 2) {
                continue;
            }
            String name = header.text(sheet, row, "name");
            String nameCell = header.cell(sheet, row, "name");
            if (name.isEmpty()) {
                findings.error(nameCell, Message.of("EMPTY_REQUIRED_CELL.indicatorName"));
                continue;
            }
            if (!CellText.IDENTIFIER.matcher(name).matches()) {
                findings.error(nameCell, Message.of("INVALID_DICTIONARY_ENTRY.name", name));
                continue;
            }
            Indicator earlier = into.get(name);
            if (earlier != null && earlier.location().startsWith(sheet.name() + "!")
                    && earlier.workbook().equals(findings.workbook())) {
                findings.error(nameCell, Message.of("DUPLICATE_INDICATOR", name, earlier.location()));
                continue;
            }
            IndicatorType type = type(sheet, header, row, name, findings);
            if (type == null) {
                continue;
            }
            String valuesText = ExpertText.normalize(header.text(sheet, row, "values"));
            boolean ordered = type == IndicatorType.ENUM && valuesText.contains("<");
            List<String> values = enumValues(sheet, header, row, name, type, findings);
            Message misdeclared = values == null ? null
                    : FilledIndicators.checkDeclaration(name, type, values).orElse(null);
            if (misdeclared != null) {
                findings.error(header.cell(sheet, row, "type"), misdeclared);
                continue;
            }
            BigDecimal min = bound(sheet, header, row, "min", type, findings);
            BigDecimal max = bound(sheet, header, row, "max", type, findings);
            Integer decimals = decimals(sheet, header, row, name, type, findings);
            if (values == null || min == BAD || max == BAD || decimals == BAD_DECIMALS) {
                continue;
            }
            if (min != null && max != null && min.compareTo(max) > 0) {
                findings.error(header.cell(sheet, row, "min"), Message.of("INVALID_DICTIONARY_ENTRY.minAboveMax", min,
                        max));
                continue;
            }
            Indicator declared = new Indicator(earlier == null ? into.size() : earlier.index(), name, type, values,
                    header.text(sheet, row, "unit"), min, max, header.text(sheet, row, "zh"),
                    header.text(sheet, row, "en"), CellRef.row(sheet.name(), row), findings.workbook(), ordered,
                    decimals);
            if (earlier == null) {
                into.put(name, declared);
            } else {
                Indicator merged = merge(earlier, declared, nameCell, findings);
                if (merged != null) {
                    into.put(name, merged);
                }
            }
        }
    }

    /**
     * Several workbooks of one rule set may each declare an indicator they share (so each can be checked alone): the
     * declarations must agree on type and range; an enum takes the values of all of them.
     */
    private static Indicator merge(Indicator earlier, Indicator again, String cell, Findings findings) {
        if (earlier.type() != again.type()) {
            findings.error(cell, Message.of("CONFLICTING_INDICATOR.type", again.name(), again.type().word(),
                    earlier.type().word(), earlier.workbook(), earlier.location()));
            return null;
        }
        if (!sameNumber(earlier.min(), again.min()) || !sameNumber(earlier.max(), again.max())) {
            findings.error(cell, Message.of("CONFLICTING_INDICATOR.range", again.name(), again.rangeText(),
                    earlier.workbook(), earlier.location(), earlier.rangeText()));
            return null;
        }
        if (earlier.ordered() || again.ordered()) {
            if (earlier.ordered() != again.ordered() || !earlier.values().equals(again.values())) {
                findings.error(cell, Message.of("CONFLICTING_INDICATOR.order", again.name(), again.valuesText(),
                        earlier.workbook(), earlier.location(), earlier.valuesText()));
                return null;
            }
        }
        if (!java.util.Objects.equals(earlier.decimals(), again.decimals())) {
            findings.error(cell, Message.of("CONFLICTING_INDICATOR.decimals", again.name(), decimalsText(again),
                    earlier.workbook(), earlier.location(), decimalsText(earlier)));
            return null;
        }
        List<String> values = new ArrayList<>(earlier.values());
        for (String v : again.values()) {
            if (values.stream().noneMatch(v::equalsIgnoreCase)) {
                values.add(v);
            }
        }
        return new Indicator(earlier.index(), earlier.name(), earlier.type(), values, earlier.unit(), earlier.min(),
                earlier.max(), earlier.descriptionZh(), earlier.descriptionEn(), earlier.location(),
                earlier.workbook(), earlier.ordered(), earlier.decimals());
    }

    private static String decimalsText(Indicator i) {
        return i.decimals() == null ? "-" : i.decimals().toString();
    }

    private static final Integer BAD_DECIMALS = Integer.valueOf(-1);

    /**
     * The Decimals cell: how many decimals a decimal indicator's values may have (0 to 9), null when empty, or
     * {@link #BAD_DECIMALS} (reported).
     */
    private static Integer decimals(SheetData sheet, FixedHeader header, int row, String name, IndicatorType type,
            Findings findings) {
        String text = ExpertText.normalize(header.text(sheet, row, "decimals"));
        if (text.isEmpty()) {
            return null;
        }
        String cell = header.cell(sheet, row, "decimals");
        if (type != IndicatorType.DECIMAL) {
            findings.error(cell, Message.of("INVALID_DICTIONARY_ENTRY.decimalsNotDecimal", name, type.word()));
            return BAD_DECIMALS;
        }
        if (!text.matches("\\d(?:\\.0+)?")) {
            findings.error(cell, Message.of("INVALID_DICTIONARY_ENTRY.decimals", text));
            return BAD_DECIMALS;
        }
        return Integer.valueOf(text.substring(0, 1));
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static final BigDecimal BAD = new BigDecimal("-0.0000000000000000000000000001");

    private static BigDecimal bound(SheetData sheet, FixedHeader header, int row, String key, IndicatorType type,
            Findings findings) {
        String text = header.text(sheet, row, key);
        if (text.isEmpty()) {
            return null;
        }
        String cell = header.cell(sheet, row, key);
        if (!type.isNumeric()) {
            findings.error(cell, Message.of("INVALID_DICTIONARY_ENTRY.rangeNotNumeric"));
            return BAD;
        }
        try {
            BigDecimal n = new BigDecimal(ExpertText.normalize(text));
            if (type == IndicatorType.INTEGER && n.stripTrailingZeros().scale() > 0) {
                findings.error(cell, Message.of("INVALID_DICTIONARY_ENTRY.wholeBound", text));
                return BAD;
            }
            return n;
        } catch (NumberFormatException e) {
            findings.error(cell, Message.of("INVALID_DICTIONARY_ENTRY.notNumber", text));
            return BAD;
        }
    }

    private static List<String> enumValues(SheetData sheet, FixedHeader header, int row, String name,
            IndicatorType type, Findings findings) {
        String text = ExpertText.normalize(header.text(sheet, row, "values"));
        String cell = header.cell(sheet, row, "values");
        if (type != IndicatorType.ENUM) {
            if (!text.isEmpty()) {
                findings.error(cell, Message.of("INVALID_DICTIONARY_ENTRY.valuesNotEnum", name, type.word()));
                return null;
            }
            return List.of();
        }
        boolean ordered = text.contains("<");
        if (ordered && !ExpertText.splitList(text).equals(List.of(text))) {
            findings.error(cell, Message.of("INVALID_DICTIONARY_ENTRY.mixedOrder", text));
            return null;
        }
        List<String> values = new ArrayList<>();
        for (String v : ordered ? java.util.Arrays.stream(text.split("<")).map(String::trim).toList()
                : ExpertText.splitList(text)) {
            if (!ENUM_VALUE.matcher(v).matches()) {
                findings.error(cell, Message.of("INVALID_DICTIONARY_ENTRY.enumValue", v));
                return null;
            }
            if (values.stream().anyMatch(v::equalsIgnoreCase)) {
                findings.error(cell, Message.of("INVALID_DICTIONARY_ENTRY.valueTwice", v));
                return null;
            }
            values.add(v);
        }
        if (values.isEmpty()) {
            findings.error(cell, Message.of("EMPTY_REQUIRED_CELL.enumValues", name));
            return null;
        }
        return values;
    }
}
