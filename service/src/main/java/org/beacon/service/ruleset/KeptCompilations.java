package org.beacon.service.ruleset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.beacon.rules.Compilation;
import org.beacon.rules.PrecompiledRules;
import org.beacon.rules.RuleSetCompiler;
import org.beacon.rules.model.WorkbookSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stored versions' Drools packages kept under {@code <beacon.data-dir>/compiled/<content hash>.rules}, so that a
 * restart loads the version in force instead of compiling it with Drools again, the longest part of a start (issue
 * 25, item 4). A file is used only for rules that are byte for byte those it was compiled from, so what is decided
 * does not change. Through {@link #compile} a version is still read, checked and its test sheets run; through {@link
 * #load} (the start-up compile, {@link StartUpCompilation}) a version whose file matches is only read and parsed,
 * since the file proves these bytes passed every check with this build; a mismatch compiles in full, so a workbook
 * with an error still stops the start.
 *
 * <p>Why loading a file is safe: it is used only when its SHA-256 over its own bytes matches, it names this jar's
 * build ({@code META-INF/build-info.properties}: version and build time) and Drools', and it was compiled from the
 * same workbooks and the same generated rules ({@link PrecompiledRules}); anything else is compiled again and the
 * file rewritten. The checksum catches damage; against a person, the folder is as closed as the database beside it
 * (docs/operations.md). Files are written whole (a temporary file moved into place), so a kill mid-write leaves the
 * old file or none. Any failure to read or write one only costs a compile. Without
 * build information (classes run from an IDE) nothing is kept. Once a start's version is ready, the files no stored
 * version can use any more are removed ({@link #removeUnusedLater}). Thread-safe.
 */
final class KeptCompilations {

    private static final Logger log = LoggerFactory.getLogger(KeptCompilations.class);
    private static final String SUFFIX = ".rules";
    /** Held to move a file into place and to remove one, so that a file just written is never removed unread. */
    private static final Object MOVES = new Object();

    private final Path folder;
    private final String build;

    KeptCompilations(Path folder, String build) {
        this.folder = folder;
        this.build = build;
    }

    /** The folder {@code compiled/} of {@code beacon.data-dir}, for this jar's build. */
    static KeptCompilations of(RuleSetProperties properties) {
        return new KeptCompilations(Path.of(properties.dataDir()).toAbsolutePath().normalize().resolve("compiled"),
                buildOfThisJar());
    }

    /**
     * Compiles {@code sources} with {@code compiler}, loading the kept Drools packages when they are these rules', and
     * keeping them when they were compiled now. Stored versions and start-up tables only: an upload's draft is
     * compiled once and not worth a file.
     */
    Compilation compile(RuleSetCompiler compiler, String id, List<WorkbookSource> sources) {
        return compile(compiler, id, sources, false);
    }

    /**
     * As {@link #compile}, but a version whose kept file matches is loaded without its analysis and test sheets
     * ({@link RuleSetCompiler#load}): for a restart's version in force, which only needs to decide. The result
     * holds no test outcomes ({@link Compilation#checksSkipped()}), so what counts them compiles in full.
     */
    Compilation load(RuleSetCompiler compiler, String id, List<WorkbookSource> sources) {
        return compile(compiler, id, sources, true);
    }

    private Compilation compile(RuleSetCompiler compiler, String id, List<WorkbookSource> sources,
            boolean skipChecksWhenKept) {
        if (build == null) {
            return id == null ? compiler.compile(sources) : compiler.compile(id, sources);
        }
        Path file = folder.resolve(RuleSetCompiler.contentHash(sources) + SUFFIX);
        PrecompiledRules kept = read(file).orElse(null);
        Compilation c = skipChecksWhenKept ? compiler.load(id, sources, kept) : compiler.compile(id, sources, kept);
        if (c.precompiled()) {
            log.info("{} loaded its rules compiled by an earlier start from {}", id == null ? "the rule set" : id,
                    file);
        } else if (c.succeeded()) {
            write(file, PrecompiledRules.of(c.ruleSet().orElseThrow(), build));
        }
        return c;
    }

    private Optional<PrecompiledRules> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Optional<PrecompiledRules> kept = PrecompiledRules.read(Files.readAllBytes(file), build);
            if (kept.isEmpty()) {
                log.info("{} is damaged or from another build of Beacon or Drools; compiling again", file);
            }
            return kept;
        } catch (IOException e) {
            log.warn("{} could not be read; compiling again", file, e);
            return Optional.empty();
        }
    }

    /**
     * Removes, on a thread of its own, the files no stored version can use any more: those for workbooks that no
     * stored version has ({@code used} names the content hashes that are used) and those written by another build of
     * Beacon or Drools (or damaged), which would only ever be compiled again; also {@code .partial} files a killed
     * start left. Called once the start's version is ready, so it never delays it.
     *
     * @return done with the files removed once the thread has ended (none when it failed, which it logs)
     */
    CompletableFuture<List<Path>> removeUnusedLater(Supplier<Set<String>> used) {
        CompletableFuture<List<Path>> done = new CompletableFuture<>();
        if (build == null) {
            done.complete(List.of());
            return done;
        }
        Thread t = new Thread(() -> {
            try {
                done.complete(removeUnused(used));
            } catch (RuntimeException e) {
                log.warn("the compiled rules no version uses could not be removed from {}", folder, e);
                done.complete(List.of());
            }
        }, "kept-compilations-cleanup");
        t.setDaemon(true);
        t.start();
        return done;
    }

    /**
     * Removes the files no stored version can use, logging each; a file is read and removed while no compile can
     * move a new one into its place.
     *
     * @param used the content hashes of the stored versions (and the start-up tables), asked after the folder is
     *     listed, so that a version stored meanwhile keeps the file its compile writes
     * @return the files removed
     */
    List<Path> removeUnused(Supplier<Set<String>> used) {
        if (build == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            log.warn("{} could not be listed; nothing removed", folder, e);
            return List.of();
        }
        Set<String> hashes = used.get();
        Instant thisStart = ProcessHandle.current().info().startInstant().orElse(Instant.EPOCH);
        List<Path> removed = new ArrayList<>();
        for (Path file : files) {
            synchronized (MOVES) {
                String why = unusedBecause(file, hashes, thisStart);
                if (why != null && delete(file)) {
                    log.info("removed {}: {}", file, why);
                    removed.add(file);
                }
            }
        }
        return removed;
    }

    /** Why no version can use {@code file}; null when one can (or it may be a write in progress). */
    private String unusedBecause(Path file, Set<String> used, Instant thisStart) {
        String name = file.getFileName().toString();
        try {
            if (name.endsWith(".partial")) {
                return Files.getLastModifiedTime(file).toInstant().isBefore(thisStart)
                        ? "left by a start that was stopped while writing it" : null;
            }
            if (!name.endsWith(SUFFIX)) {
                return null;
            }
            if (!used.contains(name.substring(0, name.length() - SUFFIX.length()))) {
                return "no stored version has these workbooks";
            }
            return PrecompiledRules.read(Files.readAllBytes(file), build).isEmpty()
                    ? "written by another build of Beacon or Drools, or damaged" : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean delete(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("{} could not be removed", file, e);
            return false;
        }
    }

    private void write(Path file, PrecompiledRules rules) {
        try {
            Files.createDirectories(folder);
            Path partial = Files.createTempFile(folder, file.getFileName().toString(), ".partial");
            try {
                Files.write(partial, rules.bytes());
                synchronized (MOVES) {
                    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("the compiled rules could not be kept in {}; the next start compiles them again", file, e);
        }
    }

    /** This jar's version and build time, or null when the classes run without the build's information. */
    private static String buildOfThisJar() {
        try (InputStream in = KeptCompilations.class.getResourceAsStream("/META-INF/build-info.properties")) {
            if (in == null) {
                return null;
            }
            Properties info = new Properties();
            info.load(in);
            return "beacon " + info.getProperty("build.version") + " built " + info.getProperty("build.time");
        } catch (IOException e) {
            return null;
        }
    }
}
