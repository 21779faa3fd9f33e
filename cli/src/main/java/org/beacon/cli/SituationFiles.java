package org.beacon.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.beacon.rules.model.Situation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Situations from files, one at a time and never all in memory: a situation file ({@code .json}), a JSON-lines file
 * ({@code .jsonl}, {@code .ndjson}: one situation a line, or one stored answer a line as {@code GET
 * /evaluations/{id}} gives it, whose {@code situation} is decided again under its {@code evaluationId}), or a folder
 * of both (its files in name order, not its subfolders).
 */
final class SituationFiles {

    /** Hears each situation read, with the id reports name it by. */
    interface Receiver {
        void situation(String id, Situation situation);
    }

    /** A file that cannot be read, or a situation in it that is not one: {@code file:line: what is wrong}. */
    static final class UnreadableSituationsException extends Exception {
        UnreadableSituationsException(String message) {
            super(message);
        }
    }

    private SituationFiles() {
    }

    static void read(List<Path> inputs, Receiver receiver) throws UnreadableSituationsException {
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                for (Path file : files(input)) {
                    readFile(file, receiver);
                }
            } else {
                readFile(input, receiver);
            }
        }
    }

    private static List<Path> files(Path folder) throws UnreadableSituationsException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(Files::isRegularFile).filter(f -> isLines(f) || name(f).endsWith(".json")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UnreadableSituationsException("cannot read the folder " + folder + ": " + e.getMessage());
        }
    }

    private static void readFile(Path file, Receiver receiver) throws UnreadableSituationsException {
        if (!isLines(file)) {
            try {
                receiver.situation(file.getFileName().toString(), situation(Files.readString(file)).situation);
            } catch (IOException e) {
                throw new UnreadableSituationsException("cannot read " + file + ": " + e.getMessage());
            } catch (Problem p) {
                throw new UnreadableSituationsException(file + ": " + p.getMessage());
            }
            return;
        }
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            for (long n = 1; (line = lines.readLine()) != null; n++) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    Read r = situation(line);
                    receiver.situation(r.id != null ? r.id : file.getFileName() + ":" + n, r.situation);
                } catch (Problem p) {
                    throw new UnreadableSituationsException(file + ":" + n + ": " + p.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UnreadableSituationsException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private record Read(String id, Situation situation) {
    }

    /** Why one situation cannot be read, before the file and line are known. */
    private static final class Problem extends Exception {
        Problem(String message) {
            super(message);
        }
    }

    private static Read situation(String json) throws Problem {
        try {
            JsonNode root = SituationJson.tree(json);
            JsonNode stored = root.path("situation");
            if (stored.isObject()) {
                JsonNode id = root.path("evaluationId");
                return new Read(id.isString() ? id.stringValue() : null, SituationJson.read(stored));
            }
            return new Read(null, SituationJson.read(root));
        } catch (JacksonException e) {
            throw new Problem("not valid JSON: " + e.getOriginalMessage());
        } catch (SituationJson.InvalidSituationFileException e) {
            throw new Problem(e.getMessage());
        }
    }

    private static boolean isLines(Path file) {
        String n = name(file);
        return n.endsWith(".jsonl") || n.endsWith(".ndjson");
    }

    private static String name(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT);
    }
}
