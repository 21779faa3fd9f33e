package org.beacon.rules.engine;

import java.util.List;
import java.util.Map;
import org.kie.api.runtime.StatelessKieSession;

/**
 * The baseline of issue 10: a plain Drools stateless session on a {@link RuleBase}'s own KieBase, given the very fact
 * {@link RuleBase#fire} builds for the same values, and nothing else (no situation checking, no hit policies, no
 * decision). Lives in the engine's package because {@link FactView} is package-private; the fact is built once, by
 * {@link RuleBase}'s own conversion, never while measuring.
 */
public final class BareDroolsSession {

    private final StatelessKieSession session;
    private final FactView values;

    /** @param values canonical values by indicator name, as the rule set hands them to {@link RuleBase#fire} */
    public BareDroolsSession(RuleBase ruleBase, Map<String, Object> values) {
        this.values = ruleBase.fact(values);
        this.session = ruleBase.kieBase().newStatelessKieSession();
    }

    /** Inserts a fresh fact (rules record their firing on it) and fires; (table index, row) of every rule fired. */
    public List<long[]> fire() {
        FactView fact = values.fresh();
        session.execute(fact);
        return fact.fired();
    }
}
