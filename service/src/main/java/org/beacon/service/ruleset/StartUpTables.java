package org.beacon.service.ruleset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.beacon.rules.model.WorkbookSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The workbooks a first start turns into version v1, and that later starts compare with the version in force.
 * Chosen once at start-up:
 * <ol>
 * <li>{@code beacon.tables-dir} when it is set — and a folder that is missing then stops the start: a typo must never
 * put other tables in force;</li>
 * <li>otherwise {@code ./tables} when the working directory has one (the repository root);</li>
 * <li>otherwise the tables bundled in the jar, so that a jar copied anywhere starts.</li>
 * </ol>
 *
 * @param origin where they come from, for the log and the first version's note
 * @param folder the folder they were read from; empty for the bundled tables
 * @param sources the workbooks, sorted by name
 */
record StartUpTables(String origin, Optional<Path> folder, List<WorkbookSource> sources) {

    static final String SETTING = "beacon.tables-dir";
    private static final String BUNDLED = "classpath*:bundled-tables/*.xlsx";

    /**
     * @param configured the value of {@code beacon.tables-dir}, or null/blank when it was not set
     * @param workingDir where {@code ./tables} is looked for
     * @throws RuleSetLoadException when a configured folder does not exist
     */
    static StartUpTables choose(String configured, Path workingDir) {
        if (configured != null && !configured.isBlank()) {
            Path dir = workingDir.resolve(configured).toAbsolutePath().normalize();
            if (!Files.isDirectory(dir)) {
                throw new RuleSetLoadException(SETTING + "=" + configured + " names no folder (" + dir + ").",
                        "Set " + SETTING + " to the folder of your workbooks, or leave it unset to start on ./tables "
                                + "or, when there is none, on the tables bundled in the jar.");
            }
            return fromFolder(dir);
        }
        Path local = workingDir.resolve("tables").toAbsolutePath().normalize();
        return Files.isDirectory(local) ? fromFolder(local) : bundled();
    }

    private static StartUpTables fromFolder(Path dir) {
        return new StartUpTables(dir.toString(), Optional.of(dir), WorkbookSource.readAll(dir));
    }

    private static StartUpTables bundled() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources(BUNDLED);
            List<WorkbookSource> sources = Arrays.stream(found)
                    .sorted(Comparator.comparing(Resource::getFilename))
                    .map(StartUpTables::read)
                    .toList();
            if (sources.isEmpty()) {
                throw new RuleSetLoadException("there is no ./tables folder here and no tables bundled in the jar.",
                        "Set " + SETTING + " to the folder of your workbooks (--" + SETTING + "=<folder>).");
            }
            return new StartUpTables("the tables bundled in the jar", Optional.empty(), sources);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the tables bundled in the jar", e);
        }
    }

    private static WorkbookSource read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new WorkbookSource(resource.getFilename(), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Short name for the first version's note: the folder's name, or "bundled". */
    String shortName() {
        return folder.map(dir -> dir.getFileName().toString()).orElse("bundled");
    }
}
