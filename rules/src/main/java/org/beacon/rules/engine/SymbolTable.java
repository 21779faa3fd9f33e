package org.beacon.rules.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.beacon.rules.model.Condition;
import org.beacon.rules.model.Criterion;
import org.beacon.rules.model.DecisionTable;
import org.beacon.rules.model.Indicator;
import org.beacon.rules.model.IndicatorType;
import org.beacon.rules.model.Rule;

/**
 * Numbers for symbolic values, so generated rules compare integers and never contain a workbook's text: an enum
 * value is its position in the dictionary, {@code false}/{@code true} are 0/1, and a text value is its position among
 * the texts the tables mention. A text no table mentions is -1. Immutable.
 */
final class SymbolTable {

    static final int UNKNOWN = -1;

    private final Map<Integer, Map<String, Integer>> byIndicator = new HashMap<>();

    SymbolTable(List<Indicator> indicators, List<DecisionTable> tables) {
        Map<Integer, TreeSet<String>> texts = new HashMap<>();
        for (DecisionTable t : tables) {
            for (Rule r : t.rules()) {
                for (Condition c : r.conditions()) {
                    if (c.indicator().type() == IndicatorType.TEXT && c.criterion() instanceof Criterion.Symbols s) {
                        texts.computeIfAbsent(c.indicator().index(), i -> new TreeSet<>()).addAll(s.values());
                    }
                }
            }
        }
        for (Indicator ind : indicators) {
            Map<String, Integer> ids = new HashMap<>();
            switch (ind.type()) {
                case ENUM -> {
                    for (int i = 0; i < ind.values().size(); i++) {
                        ids.put(ind.values().get(i), i);
                    }
                }
                case BOOLEAN -> {
                    ids.put("false", 0);
                    ids.put("true", 1);
                }
                case TEXT -> {
                    int i = 0;
                    for (String s : texts.getOrDefault(ind.index(), new TreeSet<>())) {
                        ids.put(s, i++);
                    }
                }
                default -> {
                    // numbers need no symbols
                }
            }
            byIndicator.put(ind.index(), Map.copyOf(ids));
        }
    }

    int id(Indicator indicator, String value) {
        return byIndicator.getOrDefault(indicator.index(), Map.of()).getOrDefault(value, UNKNOWN);
    }
}
