package org.beacon.rules.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.beacon.rules.model.Condition;
import org.beacon.rules.model.Criterion;
import org.beacon.rules.model.DecisionTable;
import org.beacon.rules.model.Indicator;
import org.beacon.rules.model.Interval;
import org.beacon.rules.model.Rule;

/**
 * Writes Drools rules from a typed model. A response table's conditions on the response grade are left out: that
 * grade is decided by the other tables of the same pass, so {@code RuleSetEvaluator} checks those conditions itself
 * once it is known, and one pass of the rule engine decides a situation.
 *
 * <p>The output is built only from fixed text, integers (table, row and indicator positions, symbol numbers) and
 * numbers printed by {@link BigDecimal#toPlainString()}: no sheet name, header, cell text, label or source ever
 * reaches it, which is what makes a workbook data and never code.
 */
public final class DrlWriter {

    static final String PACKAGE = "beacon.generated";

    private final SymbolTable symbols;

    DrlWriter(SymbolTable symbols) {
        this.symbols = symbols;
    }

    public GeneratedRules write(List<DecisionTable> tables, Indicator eventType) {
        StringBuilder drl = new StringBuilder(4096);
        Map<String, String> ids = new LinkedHashMap<>();
        TreeMap<Integer, String> lines = new TreeMap<>();
        drl.append("package ").append(PACKAGE).append(";\n\n");
        drl.append("import ").append(FactView.class.getName()).append(";\n\n");
        int line = 4;
        for (DecisionTable table : tables) {
            for (Rule rule : table.rules()) {
                String name = "t" + table.index() + "_r" + rule.row();
                ids.put(name, rule.id());
                lines.put(line, rule.id());
                List<String> constraints = new ArrayList<>();
                if (!table.eventTypes().isEmpty() && eventType != null) {
                    constraints.add("has(" + eventType.index() + ")");
                    constraints.add(symbolConstraint(eventType, new Criterion.Symbols(table.eventTypes(), false)));
                }
                for (Condition c : rule.conditions()) {
                    if (!table.checkedAfterGrading(c)) {
                        constraints.addAll(constraints(c));
                    }
                }
                drl.append("rule \"").append(name).append("\"\nwhen\n    $f : FactView( ")
                        .append(String.join(", ", constraints)).append(" )\nthen\n    $f.fire(")
                        .append(table.index()).append(", ").append(rule.row()).append(");\nend\n\n");
                line += 7;
            }
        }
        return new GeneratedRules(drl.toString(), ids, lines);
    }

    private List<String> constraints(Condition c) {
        Indicator ind = c.indicator();
        if (c.criterion() instanceof Criterion.Numeric n) {
            return List.of("has(" + ind.index() + ")", numericConstraint(ind.index(), n));
        }
        if (c.criterion() instanceof Criterion.Symbols s) {
            return List.of("has(" + ind.index() + ")", symbolConstraint(ind, s));
        }
        if (c.criterion() instanceof Criterion.Missing) {
            return List.of("!has(" + ind.index() + ")");
        }
        if (c.criterion() instanceof Criterion.Given) {
            return List.of("has(" + ind.index() + ")");
        }
        return List.of();
    }

    private static String numericConstraint(int index, Criterion.Numeric test) {
        Interval i = test.interval();
        String v = "num(" + index + ")";
        if (i.isPoint()) {
            return v + (test.negated() ? " != " : " == ") + literal(i.low());
        }
        List<String> parts = new ArrayList<>(2);
        if (i.low() != null) {
            parts.add(v + (test.negated() ? (i.lowInclusive() ? " < " : " <= ") : (i.lowInclusive() ? " >= " : " > "))
                    + literal(i.low()));
        }
        if (i.high() != null) {
            parts.add(v + (test.negated() ? (i.highInclusive() ? " > " : " >= ")
                    : (i.highInclusive() ? " <= " : " < ")) + literal(i.high()));
        }
        if (parts.isEmpty()) {
            return test.negated() ? "false" : "true";
        }
        return "(" + String.join(test.negated() ? " || " : " && ", parts) + ")";
    }

    private String symbolConstraint(Indicator ind, Criterion.Symbols test) {
        List<String> ids = new ArrayList<>();
        for (String value : test.values()) {
            int id = symbols.id(ind, value);
            if (id != SymbolTable.UNKNOWN) {
                ids.add(Integer.toString(id));
            }
        }
        if (ids.isEmpty()) {
            return test.negated() ? "true" : "false";
        }
        return "sym(" + ind.index() + ")" + (test.negated() ? " not in (" : " in (") + String.join(", ", ids) + ")";
    }

    /** A number as the rule engine reads it; never in exponent form. */
    private static String literal(BigDecimal n) {
        String s = n.toPlainString();
        return s.contains(".") ? s : s + ".0";
    }
}
