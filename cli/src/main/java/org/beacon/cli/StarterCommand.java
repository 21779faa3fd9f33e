package org.beacon.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.beacon.rules.template.StarterWorkbook;

/**
 * {@code beacon new <folder>}: a new folder holding the starter workbook, in the command's language ({@code --lang}
 * or the system's). Never writes into a folder that holds anything, so it cannot overwrite an expert's tables.
 */
final class StarterCommand {

    private final PrintStream out;
    private final PrintStream err;
    private final CommandLineText text;

    StarterCommand(PrintStream out, PrintStream err, CommandLineText text) {
        this.out = out;
        this.err = err;
        this.text = text;
    }

    int write(Path folder) {
        if (Files.exists(folder) && !isEmptyFolder(folder)) {
            err.println(text.get("error.prefix", text.get("new.exists", folder)));
            return BeaconCommand.USAGE;
        }
        Path file = folder.resolve(StarterWorkbook.FILE_NAME);
        StarterWorkbook.Language language = text.locale().getLanguage().equals("zh") ? StarterWorkbook.Language.ZH
                : StarterWorkbook.Language.EN;
        try {
            Files.createDirectories(folder);
            try (OutputStream o = Files.newOutputStream(file)) {
                new StarterWorkbook(language).write(o);
            }
        } catch (IOException | RuntimeException e) {
            // a half-written workbook would fail the check it is meant to pass: leave nothing behind
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the message below already says nothing usable was written
            }
            err.println(text.get("error.prefix", text.get("new.failed", file, e.getMessage())));
            return BeaconCommand.USAGE;
        }
        out.println(text.get("new.written", file, folder));
        return BeaconCommand.OK;
    }

    private static boolean isEmptyFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
