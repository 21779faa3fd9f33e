package org.beacon.service.replay;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where replays read example timelines and write their result files ({@code beacon.*}). Paths are bound as text:
 * Spring's Path conversion goes through resource loading and rejects {@code ../tables}.
 *
 * @param tablesDir folder of the workbooks loaded at start-up, next to which the examples are by default
 * @param dataDir folder of the H2 database and of the replays' result files
 * @param examplesDir folder of the examples ({@code timelines/} is what {@code POST /replays} may name); empty
 *     means the folder {@code examples} next to the tables folder, as in the repository
 */
@ConfigurationProperties("beacon")
public record ReplayFolders(@DefaultValue("tables") String tablesDir, @DefaultValue("./data") String dataDir,
        @DefaultValue("") String examplesDir) {

    public Path dataPath() {
        return Path.of(dataDir).toAbsolutePath().normalize();
    }

    public Path examplesPath() {
        return examplesDir.isBlank() ? Path.of(tablesDir).toAbsolutePath().normalize().resolveSibling("examples")
                : Path.of(examplesDir).toAbsolutePath().normalize();
    }
}
