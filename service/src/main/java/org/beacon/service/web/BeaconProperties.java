package org.beacon.service.web;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Beacon's settings ({@code beacon.*}).
 *
 * @param tablesDir folder of the workbooks loaded at start-up; relative paths are resolved from the working
 *     directory, so the default finds {@code tables/} when the service is started from the repository root
 * @param batch limits of {@code POST /evaluations/batch}
 * @param maxRequestSize largest request body accepted; larger ones get 413
 * @param dataDir folder of the H2 database and of the replays' result files
 * @param examplesDir folder of the examples ({@code timelines/} is what {@code POST /replays} may name); empty
 *     means the folder {@code examples} next to the tables folder, as in the repository
 * @param ruleSets how many compiles run at once and how large a version may be
 */
@ConfigurationProperties("beacon")
public record BeaconProperties(@DefaultValue("tables") String tablesDir, @DefaultValue Batch batch,
        @DefaultValue("32MB") DataSize maxRequestSize, @DefaultValue("./data") String dataDir,
        @DefaultValue("") String examplesDir, @DefaultValue RuleSets ruleSets) {

    /** Bound as text: Spring's Path conversion goes through resource loading and rejects {@code ../tables}. */
    public Path tablesPath() {
        return Path.of(tablesDir).toAbsolutePath().normalize();
    }

    public Path dataPath() {
        return Path.of(dataDir).toAbsolutePath().normalize();
    }

    public Path examplesPath() {
        return examplesDir.isBlank() ? tablesPath().resolveSibling("examples")
                : Path.of(examplesDir).toAbsolutePath().normalize();
    }

    /** @param maxSize most situations in one batch */
    public record Batch(@DefaultValue("10000") int maxSize) {
    }

    /**
     * Compiles of rule sets ({@code beacon.rule-sets.*}). The defaults fit a service with a 1 GB heap ({@code
     * -Xmx1g}): a version at the budget holds about 250 MB compiled and needs about 400 MB while it compiles.
     *
     * @param concurrentCompiles compiles (uploads, versions compiled again on demand) running at the same time
     * @param compileWait how long a compile waits for a turn before it is refused with 503
     * @param maxRuleRows most rule rows (rows below a table's header) in one version, over all its tables
     * @param maxCells most non-blank cells in one version, over all its workbooks and sheets
     */
    public record RuleSets(@DefaultValue("1") int concurrentCompiles, @DefaultValue("5s") Duration compileWait,
            @DefaultValue("10000") long maxRuleRows, @DefaultValue("200000") long maxCells) {

        public RuleSets {
            if (concurrentCompiles < 1 || compileWait.isNegative()) {
                throw new IllegalArgumentException("beacon.rule-sets.concurrent-compiles must be at least 1 and "
                        + "beacon.rule-sets.compile-wait not negative");
            }
        }
    }
}
