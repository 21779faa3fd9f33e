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
 */
@ConfigurationProperties("beacon")
public record BeaconProperties(@DefaultValue("tables") String tablesDir, @DefaultValue Batch batch,
        @DefaultValue("32MB") DataSize maxRequestSize) {

    /** Bound as text: Spring's Path conversion goes through resource loading and rejects {@code ../tables}. */
    public Path tablesPath() {
        return Path.of(tablesDir).toAbsolutePath().normalize();
    }

    /** @param maxSize most situations in one batch */
    public record Batch(@DefaultValue("10000") int maxSize) {
    }
}
