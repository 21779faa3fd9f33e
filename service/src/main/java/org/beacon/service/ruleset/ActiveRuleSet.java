package org.beacon.service.ruleset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.beacon.rules.Compilation;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.Diagnostic;
import org.beacon.rules.RuleSetCompiler;
import org.beacon.rules.Severity;
import org.beacon.rules.WorkbookSource;
import org.beacon.service.system.BeaconProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Holds the rule set in force. Compiled once at start-up from {@code beacon.tables-dir}; the service refuses to start
 * on workbooks with errors (including failing test sheets) rather than decide with them. Thread-safe: the compiled
 * rule set is immutable.
 */
@Component
public class ActiveRuleSet {

    private static final Logger log = LoggerFactory.getLogger(ActiveRuleSet.class);

    private final CompiledRuleSet ruleSet;
    private final Compilation compilation;

    ActiveRuleSet(BeaconProperties properties) {
        Path dir = properties.tablesPath();
        if (!Files.isDirectory(dir)) {
            throw new RuleSetLoadException("beacon.tables-dir " + dir + " is not a folder; start the service from "
                    + "the repository root or set --beacon.tables-dir");
        }
        List<WorkbookSource> sources = WorkbookSource.readAll(dir);
        long started = System.nanoTime();
        compilation = new RuleSetCompiler().compile(sources);
        for (Diagnostic d : compilation.diagnostics()) {
            if (d.severity() == Severity.ERROR) {
                log.error("{}", d);
            } else if (d.severity() == Severity.WARNING) {
                log.warn("{}", d);
            }
        }
        ruleSet = compilation.ruleSet().orElseThrow(() -> new RuleSetLoadException("the workbooks in " + dir
                + " have errors:\n" + compilation.errors().stream().map(Diagnostic::toString)
                .collect(Collectors.joining("\n"))));
        log.info("rule set {} loaded from {} ({} workbooks, {} tables, {} tests passed) in {} ms", ruleSet.id(), dir,
                sources.size(), ruleSet.tables().size(), compilation.tests().size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    public CompiledRuleSet ruleSet() {
        return ruleSet;
    }

    public Compilation compilation() {
        return compilation;
    }
}
