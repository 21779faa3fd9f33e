package org.beacon.service.system;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Beacon's settings ({@code beacon.*}).
 *
 * @param tablesDir folder of the workbooks loaded at start-up; relative paths are resolved from the working
 *     directory, so the default finds {@code tables/} when the service is started from the repository root
 */
@ConfigurationProperties("beacon")
public record BeaconProperties(@DefaultValue("tables") Path tablesDir) {
}
