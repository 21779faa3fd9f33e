package org.beacon.service.system;

import java.nio.file.Path;
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
 */
@ConfigurationProperties("beacon")
public record BeaconProperties(@DefaultValue("tables") String tablesDir, @DefaultValue Batch batch,
        @DefaultValue("32MB") DataSize maxRequestSize, @DefaultValue("./data") String dataDir,
        @DefaultValue("") String examplesDir) {

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
}
