package org.beacon.rules.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One row of a Tests sheet.
 *
 * @param workbook the workbook it came from
 * @param location {@code Tests!R5}
 * @param given indicator values: BigDecimal for numbers, String for enum, text and boolean ({@code true}/{@code false})
 * @param expectations what the decision must show
 * @param note the NOTE cell
 */
public record TestSheetCase(String workbook, String location, Map<String, Object> given, List<Expectation> expectations,
        String note) {

    public TestSheetCase {
        given = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(given));
        expectations = List.copyOf(expectations);
    }

    /**
     * The items an output value counts as when compared with an EXPECT cell, read the way the cell is read
     * (full-width punctuation, {@code 、} lists), so {@code 县级疾控机构（中国流感监测信息系统）} matches itself.
     */
    public static List<String> comparable(String output, String value) {
        return ExpertText.splitList(ExpertText.normalize(value)).stream()
                .map(item -> TypedOutputs.canonical(output, item).orElse(item)).toList();
    }

    /** What one EXPECT cell asks for. An empty {@code values} means "nothing" ({@code none}). */
    public record Expectation(Kind kind, String output, String cell, Set<String> values) {
        public Expectation {
            values = Set.copyOf(values);
        }
    }

    public enum Kind { GRADE, COLOUR, ROWS, OUTPUT }
}
