package org.beacon.rules.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A workbook's name and bytes, as uploaded or read from disk. Bytes are not copied: callers must not change them.
 *
 * @param name file name, used in diagnostics
 * @param bytes the file's content
 */
public record WorkbookSource(String name, byte[] bytes) {

    public WorkbookSource {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("workbook name must not be blank");
        }
        if (bytes == null) {
            throw new IllegalArgumentException("workbook " + name + " has no content");
        }
    }

    public static WorkbookSource read(Path file) {
        try {
            return new WorkbookSource(file.getFileName().toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * A single file, or every spreadsheet file directly inside a folder, sorted by name. Files starting with
     * {@code ~$} or {@code .~lock} (Excel and LibreOffice lock files) are skipped.
     */
    public static List<WorkbookSource> readAll(Path fileOrFolder) {
        if (!Files.isDirectory(fileOrFolder)) {
            return List.of(read(fileOrFolder));
        }
        try (Stream<Path> files = Files.list(fileOrFolder)) {
            List<WorkbookSource> sources = new ArrayList<>();
            files.filter(Files::isRegularFile)
                    .filter(WorkbookSource::looksLikeSpreadsheet)
                    .sorted()
                    .forEach(p -> sources.add(read(p)));
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + fileOrFolder, e);
        }
    }

    private static boolean looksLikeSpreadsheet(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.startsWith("~$") || n.startsWith(".~lock")) {
            return false;
        }
        return n.endsWith(".xlsx") || n.endsWith(".xlsm") || n.endsWith(".xls") || n.endsWith(".xlsb");
    }
}
