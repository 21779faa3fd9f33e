package org.beacon.benchmarks;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.beacon.rules.Compilation;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.RuleSetCompiler;
import org.beacon.rules.evaluation.SituationValues;
import org.beacon.rules.model.AdminLevel;
import org.beacon.rules.model.Region;
import org.beacon.rules.model.Situation;
import org.beacon.rules.model.WorkbookSource;

/** The workbooks in tables/, compiled as the service compiles them, and the situations the benchmarks decide. */
final class BundledTables {

    private BundledTables() {
    }

    /** The situation of examples/requests/cholera-county-12.json, built as the rules tests build situations. */
    static final Situation CHOLERA_COUNTY_12 = new Situation("cholera",
            Region.at("330106", "杭州市西湖区", AdminLevel.COUNTY), LocalDate.of(2026, 7, 1),
            Map.of("cases", 12, "countiesAffected", 1));

    static List<WorkbookSource> sources() {
        return WorkbookSource.readAll(root().resolve("tables"));
    }

    static CompiledRuleSet compile() {
        Compilation c = new RuleSetCompiler().compile(sources());
        if (!c.errors().isEmpty()) {
            throw new IllegalStateException("tables/ does not compile: " + c.errors());
        }
        return c.ruleSet().orElseThrow();
    }

    /** The canonical values the rule set hands to Drools for this situation (once per setup, never while measuring). */
    static Map<String, Object> canonicalValues(CompiledRuleSet rules, Situation situation) {
        SituationValues checked = SituationValues.check(situation, rules.dictionary());
        if (!checked.problems().isEmpty()) {
            throw new IllegalArgumentException("situation does not fit the tables: " + checked.problems());
        }
        return checked.values();
    }

    /** The repository root: -Dbeacon.root, or the first folder up from the working directory with tables/ and pom.xml. */
    static Path root() {
        String configured = System.getProperty("beacon.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            if (p.resolve("tables").toFile().isDirectory() && p.resolve("pom.xml").toFile().isFile()) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root (tables/) from " + start
                + "; run from the repository or pass -Dbeacon.root=<folder>");
    }
}
