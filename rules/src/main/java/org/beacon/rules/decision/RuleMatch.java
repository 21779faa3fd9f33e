package org.beacon.rules.decision;

import java.util.List;
import java.util.Map;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.WarningColour;

/**
 * A row that answered for its table.
 *
 * @param ruleId {@code Cholera!R9}
 * @param grade its THEN grade, or null
 * @param colour its warning colour: its THEN colour, else the colour of its grade; null when it has neither
 * @param actions its action codes
 * @param outputs its other outputs
 * @param source the clause it encodes
 * @param tag V, C, M or empty
 * @param explanation each non-trivial condition with the value it was tested against
 */
public record RuleMatch(String ruleId, Grade grade, WarningColour colour, List<String> actions,
        Map<String, String> outputs, String source, String tag, List<ConditionCheck> explanation) {

    public RuleMatch {
        actions = List.copyOf(actions);
        outputs = FrozenOrderedMap.copyOf(outputs);
        explanation = List.copyOf(explanation);
    }
}
