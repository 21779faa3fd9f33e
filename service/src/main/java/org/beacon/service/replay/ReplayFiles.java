package org.beacon.service.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where a replay's result files live: {@code <beacon.data-dir>/replays/<id>/steps.csv} and {@code report.xlsx}. A
 * run writes {@code *.part} files and moves them to their names only when everything is written, so a file under
 * its final name is always complete.
 */
@Component
public class ReplayFiles {

    public static final String STEPS = "steps.csv";
    public static final String REPORT = "report.xlsx";
    private static final String PART = ".part";
    private static final Logger log = LoggerFactory.getLogger(ReplayFiles.class);

    private final Path root;

    ReplayFiles(ReplayFolders properties) {
        this.root = properties.dataPath().resolve("replays");
    }

    Path folder(UUID id) {
        return root.resolve(id.toString());
    }

    /** A finished run's file, or null when it is not on this instance's disk. */
    Path result(UUID id, String name) {
        Path p = folder(id).resolve(name);
        return Files.isRegularFile(p) ? p : null;
    }

    /** Runs whose folder holds a part file: they are writing now, or were killed while writing. */
    List<UUID> withPartFiles() {
        List<UUID> ids = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return ids;
        }
        try (Stream<Path> folders = Files.list(root)) {
            folders.filter(Files::isDirectory).forEach(f -> {
                UUID id = runId(f.getFileName().toString());
                if (id != null && (Files.exists(f.resolve(STEPS + PART)) || Files.exists(f.resolve(REPORT + PART)))) {
                    ids.add(id);
                }
            });
        } catch (IOException e) {
            log.warn("cannot list {} for part files left by a killed replay: {}", root, e.toString());
        }
        return ids;
    }

    /** Deletes a run's part files; with {@code everything}, its finished files and its folder too. */
    void remove(UUID id, boolean everything) {
        Pending files = new Pending(folder(id));
        if (everything) {
            files.discard();
        } else {
            files.delete(STEPS + PART);
            files.delete(REPORT + PART);
        }
    }

    private static UUID runId(String name) {
        try {
            UUID id = UUID.fromString(name);
            return id.toString().equals(name) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Starts writing a run's files. */
    Pending begin(UUID id) throws IOException {
        Path folder = Files.createDirectories(folder(id));
        return new Pending(folder);
    }

    /** A run's files while it writes them. */
    static final class Pending {
        private final Path folder;

        private Pending(Path folder) {
            this.folder = folder;
        }

        Path steps() {
            return folder.resolve(STEPS + PART);
        }

        Path report() {
            return folder.resolve(REPORT + PART);
        }

        /** Moves both files to their final names; on a failure, neither stays under its final name. */
        void commit() throws IOException {
            try {
                Files.move(steps(), folder.resolve(STEPS), StandardCopyOption.ATOMIC_MOVE);
                Files.move(report(), folder.resolve(REPORT), StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                discard();
                throw e;
            }
        }

        /** Removes whatever the run wrote, finished or not. */
        void discard() {
            for (String name : new String[] {STEPS + PART, REPORT + PART, STEPS, REPORT}) {
                delete(name);
            }
            try {
                Files.deleteIfExists(folder);
            } catch (IOException e) {
                log.warn("cannot delete the folder {} of a failed replay: {}", folder, e.toString());
            }
        }

        private void delete(String name) {
            try {
                Files.deleteIfExists(folder.resolve(name));
            } catch (IOException e) {
                log.warn("cannot delete {} of a failed replay: {}", folder.resolve(name), e.toString());
            }
        }
    }
}
