package org.beacon.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.beacon.rules.model.AdminLevel;
import org.beacon.rules.model.Diagnostic;
import org.beacon.rules.model.Region;
import org.beacon.rules.model.Situation;

/** Shortcuts for tests: compile, find a diagnostic, build a situation, locate the repository. */
public final class Workbooks {

    private Workbooks() {
    }

    public static Compilation compile(WorkbookBuilder builder) {
        return new RuleSetCompiler().compile(builder.sources("test.xlsx"));
    }

    public static CompiledRuleSet compiled(WorkbookBuilder builder) {
        Compilation c = compile(builder);
        assertThat(c.errors()).as("errors of a workbook expected to be valid").isEmpty();
        return c.ruleSet().orElseThrow();
    }

    /** The single diagnostic with this code; fails listing all diagnostics otherwise. */
    public static Diagnostic only(Compilation c, String code) {
        List<Diagnostic> found = c.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
        assertThat(found).as("diagnostics with code %s among %s", code, c.diagnostics()).hasSize(1);
        return found.get(0);
    }

    /** Every diagnostic with this code, in order. */
    public static List<Diagnostic> withCode(Compilation c, String code) {
        return c.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
    }

    public static Situation situation(String eventType, Map<String, Object> indicators) {
        return new Situation(eventType, Region.at("330106", "杭州市西湖区", AdminLevel.COUNTY),
                LocalDate.of(2026, 7, 1), indicators);
    }

    /** The repository root (tables/, examples/), given by the build or found from the working directory. */
    public static Path root() {
        String configured = System.getProperty("beacon.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            if (p.resolve("tables").toFile().isDirectory() && p.resolve("pom.xml").toFile().isFile()) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root from " + start);
    }
}
