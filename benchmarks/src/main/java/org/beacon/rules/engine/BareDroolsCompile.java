package org.beacon.rules.engine;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.beacon.rules.table.Indicator;
import org.beacon.rules.table.RuleSetModel;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * The compile baseline of issue 10: Drools alone building the very DRL Beacon generates for a model, with the same
 * calls and options as {@link RuleBase#build} (a KnowledgeBuilder on a byte-array resource, a KieBase in Drools'
 * default mode, one stateless session), and nothing of Beacon's own (no workbook reading, checks, analysis or test
 * sheets). Lives in the engine's package because {@link DrlWriter} and {@link SymbolTable} are package-private;
 * writing the DRL uses no Drools class, so a JVM that has only written DRL has not yet warmed Drools up.
 */
public final class BareDroolsCompile {

    private BareDroolsCompile() {
    }

    /** The DRL {@link RuleBase#build} would compile for this model. */
    public static String drl(RuleSetModel model) {
        SymbolTable symbols = new SymbolTable(model.dictionary().indicators(), model.tables());
        return new DrlWriter(symbols).write(model.tables(), model.dictionary().find(Indicator.EVENT_TYPE).orElse(null))
                .drl();
    }

    public static KieBase compile(String drl) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        Resource resource = ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8));
        resource.setSourcePath("beacon/" + UUID.randomUUID() + ".drl");
        builder.add(resource, ResourceType.DRL);
        if (builder.hasErrors()) {
            throw new IllegalStateException("Drools refused the generated DRL: " + builder.getErrors());
        }
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(
                KieServices.get().newKieBaseConfiguration());
        kieBase.addPackages(builder.getKnowledgePackages());
        kieBase.newStatelessKieSession();
        return kieBase;
    }
}
