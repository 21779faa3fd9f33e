package org.beacon.service.ruleset;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where the rule sets come from and how they are compiled ({@code beacon.tables-dir}, {@code beacon.rule-sets.*}).
 *
 * @param tablesDir folder of the workbooks loaded at start-up, relative to the working directory; null when not set,
 *     and then {@code ./tables} or the tables bundled in the jar are used ({@link StartUpTables})
 * @param ruleSets how many compiles run at once and how large a version may be
 * @param dataDir the service's data folder; compiled versions are kept under its {@code compiled/} folder
 *     ({@link KeptCompilations})
 */
@ConfigurationProperties("beacon")
public record RuleSetProperties(String tablesDir, @DefaultValue RuleSets ruleSets,
        @DefaultValue("./data") String dataDir) {

    /**
     * Compiles of rule sets ({@code beacon.rule-sets.*}). The defaults fit a service with a 1 GB heap ({@code
     * -Xmx1g}): a version at the budget holds about 250 MB compiled and needs about 400 MB while it compiles.
     *
     * @param concurrentCompiles compiles (uploads, versions compiled again on demand) running at the same time
     * @param compileWait how long a compile waits for a turn before it is refused with 503
     * @param maxRuleRows most rule rows (rows below a table's header) in one version, over all its tables
     * @param maxCells most non-blank cells in one version, over all its workbooks and sheets
     * @param compiledBudget how much heap the compiled versions kept in memory may take together, by their estimated
     *     size ({@link org.beacon.rules.model.VersionSize#retainedBytes()}); null for a quarter of the heap
     */
    public record RuleSets(@DefaultValue("1") int concurrentCompiles, @DefaultValue("5s") Duration compileWait,
            @DefaultValue("10000") long maxRuleRows, @DefaultValue("200000") long maxCells, DataSize compiledBudget) {

        public RuleSets {
            if (concurrentCompiles < 1 || compileWait.isNegative()) {
                throw new IllegalArgumentException("beacon.rule-sets.concurrent-compiles must be at least 1 and "
                        + "beacon.rule-sets.compile-wait not negative");
            }
            if (compiledBudget != null && compiledBudget.isNegative()) {
                throw new IllegalArgumentException("beacon.rule-sets.compiled-budget must not be negative, not "
                        + compiledBudget);
            }
        }

        /**
         * The compiled versions' budget in bytes. A quarter of the heap by default: with {@code -Xmx1g} about one
         * version at the compile budget, and room left for a compile (40 KB a rule row while it runs) and requests.
         */
        public long compiledBudgetBytes() {
            return compiledBudget != null ? compiledBudget.toBytes() : Runtime.getRuntime().maxMemory() / 4;
        }
    }
}
