package org.beacon.rules.engine;

import org.beacon.rules.model.RuleSetModel;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.kie.api.KieBase;
import org.kie.internal.builder.KnowledgeBuilder;

/**
 * The compile baseline of issue 10: Drools alone building the very DRL Beacon generates for a model, through the
 * same methods {@link RuleBase#build} calls (so the two cannot drift apart: the baseline once kept a sequential
 * KieBase after the build had left it), plus one stateless session, and nothing of Beacon's own (no workbook
 * reading, checks, analysis or test sheets). Lives in the engine's package because those methods and
 * {@link SymbolTable} are package-private; writing the DRL uses no Drools class, so a JVM that has only written DRL
 * has not yet warmed Drools up.
 */
public final class BareDroolsCompile {

    private BareDroolsCompile() {
    }

    /** The DRL {@link RuleBase#generate} writes for this model, which {@link RuleBase#build} compiles. */
    public static String drl(RuleSetModel model) {
        return RuleBase.write(model, new SymbolTable(model.dictionary().indicators(), model.tables())).drl();
    }

    /** What {@link RuleBase#build} asks of Drools for this DRL, by the same calls, and one stateless session. */
    public static KieBase compile(String drl) {
        KnowledgeBuilder builder = RuleBase.compile(drl);
        if (builder.hasErrors()) {
            throw new IllegalStateException("Drools refused the generated DRL: " + builder.getErrors());
        }
        InternalKnowledgeBase kieBase = RuleBase.knowledgeBase(builder);
        kieBase.newStatelessKieSession();
        return kieBase;
    }
}
