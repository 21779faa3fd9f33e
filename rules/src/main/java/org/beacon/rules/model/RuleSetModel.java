package org.beacon.rules.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.beacon.rules.model.ActionDefinition;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.WarningColour;

/**
 * Everything a set of workbooks says, typed and validated: what the rule generator and the analyser work from.
 * Immutable.
 *
 * @param parameterCells where each parameter's value is typed ({@code escalation.xlsx Parameters!B6}), so a
 *     calibration can say which cell to change
 */
public record RuleSetModel(Dictionary dictionary, Map<String, BigDecimal> parameters,
        Map<Grade, WarningColour> colours, List<DecisionTable> tables, List<TestSheetCase> tests,
        Map<String, ActionDefinition> actions, Map<String, String> parameterCells) {

    public RuleSetModel {
        actions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(actions));
        parameters = Map.copyOf(parameters);
        parameterCells = Map.copyOf(parameterCells);
        colours = Map.copyOf(colours);
        tables = List.copyOf(tables);
        tests = List.copyOf(tests);
    }
}
