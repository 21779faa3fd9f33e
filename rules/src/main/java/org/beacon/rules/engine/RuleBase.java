package org.beacon.rules.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.beacon.rules.model.Findings;
import org.beacon.rules.model.Indicator;
import org.beacon.rules.model.Message;
import org.beacon.rules.model.RuleSetModel;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A model's rules compiled by Drools, ready to match situations. Built once, then immutable and thread-safe: every
 * call to {@link #fire} runs in its own stateless session on its own fact.
 *
 * <p>Built straight from a {@link KnowledgeBuilder} rather than a KieModule, so nothing is cached in the
 * {@code KieRepository} between builds and two versions of a workbook can never share a compiled table.
 */
public final class RuleBase {

    private static final Logger log = LoggerFactory.getLogger(RuleBase.class);
    private static final String ENGINE_BUILD = engineBuildOf();

    private final List<Indicator> indicators;
    /**
     * The indicators by name: a situation gives a handful of the Dictionary's indicators, so its fact is filled
     * from the values it has rather than by looking up every indicator the Dictionary declares.
     */
    private final Map<String, Indicator> byName;
    private final SymbolTable symbols;
    private final GeneratedRules rules;
    private final KieBase kieBase;
    private final StatelessKieSession session;

    private RuleBase(List<Indicator> indicators, SymbolTable symbols, GeneratedRules rules, KieBase kieBase) {
        this.indicators = indicators;
        this.byName = new HashMap<>();
        for (Indicator ind : indicators) {
            byName.put(ind.name(), ind);
        }
        this.symbols = symbols;
        this.rules = rules;
        this.kieBase = kieBase;
        // Not pooled (KieBase.newKieSessionsPool): resetting a pooled working memory measured as costly as a new one.
        this.session = kieBase.newStatelessKieSession();
    }

    /**
     * A model's rules written as DRL, with what building them needs: the first half of a build, which uses no Drools
     * class, so the compiler can time writing the rules and Drools' compile of them apart.
     */
    public static final class Source {

        private final List<Indicator> indicators;
        private final SymbolTable symbols;
        private final GeneratedRules rules;

        private Source(List<Indicator> indicators, SymbolTable symbols, GeneratedRules rules) {
            this.indicators = indicators;
            this.symbols = symbols;
            this.rules = rules;
        }

        /** The rules as written, whose hash says whether packages compiled earlier are these rules. */
        public String drl() {
            return rules.drl();
        }
    }

    /** Writes the model's rules from its typed cells (never from cell text). */
    public static Source generate(RuleSetModel model) {
        List<Indicator> indicators = model.dictionary().indicators();
        SymbolTable symbols = new SymbolTable(indicators, model.tables());
        return new Source(indicators, symbols, write(model, symbols));
    }

    /** Compiles rules written by {@link #generate}; null after reporting errors, each placed on its row. */
    public static RuleBase build(Source source, Findings findings) {
        GeneratedRules rules = source.rules;
        try {
            KnowledgeBuilder builder = compile(rules.drl());
            if (builder.hasErrors()) {
                for (KnowledgeBuilderError error : builder.getErrors()) {
                    reportCompileError(rules, error, findings);
                }
                return null;
            }
            return new RuleBase(source.indicators, source.symbols, rules, knowledgeBase(builder));
        } catch (RuntimeException e) {
            // Drools throws some structural problems instead of returning them as errors.
            log.warn("rule engine refused the generated rules", e);
            findings.error("", Message.of("RULE_COMPILE_ERROR.build"));
            return null;
        }
    }

    /**
     * Rules written by {@link #generate}, from Drools packages that {@link #compiledPackages()} gave for the same
     * rules in an earlier process, without compiling them again; null when they cannot be read (the caller then
     * builds them). The caller must have checked that the packages are these rules' and unaltered: deserialising
     * runs the classes the stream names, so only bytes this program wrote and verified may come here.
     */
    public static RuleBase load(Source source, byte[] packages) {
        try (ObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(packages),
                RuleBase.class.getClassLoader())) {
            @SuppressWarnings("unchecked")
            Collection<KiePackage> read = (Collection<KiePackage>) in.readObject();
            InternalKnowledgeBase kieBase = newKnowledgeBase();
            kieBase.addPackages(read);
            return new RuleBase(source.indicators, source.symbols, source.rules, kieBase);
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            log.warn("compiled rules kept from an earlier start could not be loaded; compiling them again", e);
            return null;
        }
    }

    /**
     * Drools' compiled packages of these rules (the generated classes' bytes included), for {@link #load} in a
     * later process: what a start would otherwise spend most of its time compiling.
     */
    public byte[] compiledPackages() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new DroolsObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>(kieBase.getKiePackages()));
        } catch (IOException e) {
            throw new UncheckedIOException("Drools' packages could not be written", e);
        }
        return bytes.toByteArray();
    }

    /**
     * What compiled packages depend on besides their rules: the Drools version that compiled them and the fact class
     * their generated code calls. Packages from another engine build are never loaded.
     */
    public static String engineBuild() {
        return ENGINE_BUILD;
    }

    private static String engineBuildOf() {
        try (InputStream pom = KnowledgeBaseFactory.class.getResourceAsStream(
                "/META-INF/maven/org.drools/drools-base/pom.properties");
                InputStream fact = FactView.class.getResourceAsStream("FactView.class")) {
            Properties drools = new Properties();
            if (pom != null) {
                drools.load(pom);
            }
            String factHash = fact == null ? "unknown"
                    : HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(fact.readAllBytes()));
            return "drools " + drools.getProperty("version", "unknown") + ", FactView " + factHash;
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("the rule engine's build cannot be identified", e);
        }
    }

    static GeneratedRules write(RuleSetModel model, SymbolTable symbols) {
        return new DrlWriter(symbols).write(model.tables(), model.dictionary().find(Indicator.EVENT_TYPE).orElse(null));
    }

    /** Drools' compile of the DRL; the builder holds its errors, if any. */
    static KnowledgeBuilder compile(String drl) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        Resource resource = ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8));
        // a unique path per build: Drools keys some caches by source path
        resource.setSourcePath("beacon/" + UUID.randomUUID() + ".drl");
        builder.add(resource, ResourceType.DRL);
        return builder;
    }

    /** The knowledge base of what a builder compiled without errors. */
    static InternalKnowledgeBase knowledgeBase(KnowledgeBuilder builder) {
        // Drools' default (phreak, not sequential) mode: sequential mode looked right for one fact inserted once,
        // but measured a third slower on the bundled tables (BENCHMARKS.md, "Drools' default mode").
        InternalKnowledgeBase kieBase = newKnowledgeBase();
        kieBase.addPackages(builder.getKnowledgePackages());
        return kieBase;
    }

    private static InternalKnowledgeBase newKnowledgeBase() {
        return KnowledgeBaseFactory.newKnowledgeBase(KieServices.get().newKieBaseConfiguration());
    }

    private static void reportCompileError(GeneratedRules rules, KnowledgeBuilderError error, Findings findings) {
        String ruleId = null;
        for (int line : error.getLines()) {
            ruleId = rules.ruleIdAtLine(line);
            if (ruleId != null) {
                break;
            }
        }
        log.warn("generated rule did not compile ({}): {}", ruleId, error.getMessage());
        findings.error(ruleId == null ? "" : ruleId, ruleId == null ? Message.of("RULE_COMPILE_ERROR.tables")
                : Message.of("RULE_COMPILE_ERROR.row", ruleId));
    }

    /**
     * Matches one situation's canonical values (BigDecimal numbers, String symbols, by indicator name).
     *
     * @return (table index, Excel row) of every rule whose conditions hold
     */
    public List<long[]> fire(Map<String, Object> values) {
        FactView fact = fact(values);
        session.execute(fact);
        return fact.fired();
    }

    /** The fact the rules match for these canonical values: numbers as doubles, symbols as ids, by indicator index. */
    FactView fact(Map<String, Object> values) {
        int n = indicators.size();
        boolean[] present = new boolean[n];
        double[] numbers = new double[n];
        int[] syms = new int[n];
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Indicator ind = byName.get(e.getKey());
            Object v = e.getValue();
            if (ind == null || v == null) {
                continue;
            }
            int i = ind.index();
            present[i] = true;
            if (v instanceof BigDecimal d) {
                numbers[i] = d.doubleValue();
            } else {
                syms[i] = symbols.id(ind, v.toString());
            }
        }
        return new FactView(present, numbers, syms);
    }

    public GeneratedRules generatedRules() {
        return rules;
    }

    public KieBase kieBase() {
        return kieBase;
    }
}
