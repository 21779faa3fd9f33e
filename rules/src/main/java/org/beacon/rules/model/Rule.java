package org.beacon.rules.model;

import java.util.List;
import java.util.Map;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.WarningColour;

/**
 * One data row of a decision table.
 *
 * @param id {@code <Sheet>!R<row>}
 * @param row the Excel row number
 * @param conditions one per IF column, in column order
 * @param grade THEN grade, or null
 * @param colour THEN colour, or null
 * @param actions THEN actions (codes)
 * @param outputs other THEN columns by name, in column order
 * @param source SOURCE cell
 * @param tag TAG cell (V, C, M or empty)
 * @param actionsCell the THEN actions cell, or null when the table has none
 */
public record Rule(String id, int row, List<Condition> conditions, Grade grade, WarningColour colour,
        List<String> actions, Map<String, String> outputs, String source, String tag, String actionsCell) {

    public Rule {
        conditions = List.copyOf(conditions);
        actions = List.copyOf(actions);
        outputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
    }

    public boolean matches(Map<String, Object> values) {
        for (Condition c : conditions) {
            if (!c.accepts(values.get(c.indicator().name()))) {
                return false;
            }
        }
        return true;
    }
}
