package org.beacon.rules.engine;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.beacon.rules.table.Indicator;
import org.kie.api.runtime.StatelessKieSession;

/**
 * The baseline of issue 10: a plain Drools stateless session on a {@link RuleBase}'s own KieBase, given the very fact
 * {@link RuleBase#fire} builds for the same values, and nothing else (no situation checking, no hit policies, no
 * decision). Lives in the engine's package because {@link FactView} and {@link SymbolTable} are package-private;
 * the two private fields it needs are read once, by reflection, when it is built, never while measuring.
 */
public final class BareDroolsSession {

    private final StatelessKieSession session;
    private final boolean[] present;
    private final double[] numbers;
    private final int[] symbols;

    /** @param values canonical values by indicator name, as the rule set hands them to {@link RuleBase#fire} */
    public BareDroolsSession(RuleBase ruleBase, Map<String, Object> values) {
        List<Indicator> indicators = privateField(ruleBase, "indicators");
        SymbolTable symbolTable = privateField(ruleBase, "symbols");
        int n = indicators.size();
        present = new boolean[n];
        numbers = new double[n];
        symbols = new int[n];
        // the same conversion as RuleBase.fire, done once here instead of per call
        for (Indicator ind : indicators) {
            Object v = values.get(ind.name());
            if (v == null) {
                continue;
            }
            int i = ind.index();
            present[i] = true;
            if (v instanceof BigDecimal d) {
                numbers[i] = d.doubleValue();
            } else {
                symbols[i] = symbolTable.id(ind, v.toString());
            }
        }
        session = ruleBase.kieBase().newStatelessKieSession();
    }

    /** Inserts a fresh fact (rules record their firing on it) and fires; (table index, row) of every rule fired. */
    public List<long[]> fire() {
        FactView fact = new FactView(present, numbers, symbols);
        session.execute(fact);
        return fact.fired();
    }

    @SuppressWarnings("unchecked")
    private static <T> T privateField(RuleBase ruleBase, String name) {
        try {
            Field f = RuleBase.class.getDeclaredField(name);
            f.setAccessible(true);
            return (T) f.get(ruleBase);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("RuleBase." + name + " has changed; update the baseline", e);
        }
    }
}
