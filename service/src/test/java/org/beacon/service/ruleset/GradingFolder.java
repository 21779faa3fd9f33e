package org.beacon.service.ruleset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A folder under {@code target/} for tests that start, kill and restart the service on the same files: {@code tables/}
 * holds one grading workbook (cholera Ⅱ from 30 cases), {@code data/} the H2 database.
 */
record GradingFolder(Path root) {

    static GradingFolder create(String name) throws IOException {
        Path root = Path.of("target", name + "-" + System.nanoTime());
        Files.createDirectories(root.resolve("tables"));
        Files.write(root.resolve("tables/grading.xlsx"), GradingWorkbooks.grading(30));
        return new GradingFolder(root);
    }

    /** The service's arguments for this folder, then {@code more}. */
    String[] arguments(String... more) {
        return Stream.concat(Stream.of("--beacon.tables-dir=./" + root.resolve("tables"),
                "--beacon.data-dir=./" + root.resolve("data")), Stream.of(more)).toArray(String[]::new);
    }

    Path log(String name) {
        return root.resolve(name);
    }
}
