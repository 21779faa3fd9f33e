package org.beacon.service.retention;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The export files under {@code <beacon.data-dir>/audit-archive/}: {@code <name>.jsonl.gz}, one JSON object a line,
 * and {@code <name>.jsonl.gz.sha256} beside it in {@code sha256sum} format, written after the file. Each is written to
 * a {@code .part} file, forced to the disk and then renamed, so a file under its own name is whole. Thread-safe (no
 * state but the folder).
 */
final class ArchiveFiles {

    /** What reading a file back found. */
    record Reading(long lines, String sha256) {
    }

    private final Path folder;

    ArchiveFiles(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    /**
     * Writes the lines as {@code file}, then its checksum file.
     *
     * @return the SHA-256 of the file's bytes, in hex
     */
    String write(String file, Iterator<List<String>> batches) throws IOException {
        Files.createDirectories(folder);
        Path part = folder.resolve(file + ".part");
        MessageDigest sha = sha256();
        try (OutputStream raw = Files.newOutputStream(part);
                DigestOutputStream digested = new DigestOutputStream(raw, sha);
                BufferedWriter out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(digested, 1 << 16),
                        StandardCharsets.UTF_8))) {
            while (batches.hasNext()) {
                for (String line : batches.next()) {
                    out.write(line);
                    out.write('\n');
                }
            }
        }
        String hex = HexFormat.of().formatHex(sha.digest());
        publish(part, folder.resolve(file));
        Path sumPart = folder.resolve(file + ".sha256.part");
        Files.writeString(sumPart, hex + "  " + file + "\n", StandardCharsets.UTF_8);
        publish(sumPart, folder.resolve(file + ".sha256"));
        return hex;
    }

    /**
     * Reads {@code file} back whole: its lines and the SHA-256 of its bytes, checked against its checksum file.
     *
     * @throws IOException when it or its checksum file is missing, or it is not whole gzip
     */
    Reading read(String file) throws IOException {
        MessageDigest sha = sha256();
        long lines = 0;
        try (InputStream raw = Files.newInputStream(folder.resolve(file));
                DigestInputStream digested = new DigestInputStream(raw, sha);
                BufferedReader in = reader(digested)) {
            while (in.readLine() != null) {
                lines++;
            }
            digested.transferTo(OutputStream.nullOutputStream());
        }
        String hex = HexFormat.of().formatHex(sha.digest());
        String written = Files.readString(folder.resolve(file + ".sha256"), StandardCharsets.UTF_8).strip();
        if (!written.equals(hex + "  " + file)) {
            throw new IOException(file + " has SHA-256 " + hex + " but its checksum file says " + written);
        }
        return new Reading(lines, hex);
    }

    /** Hands over the file's lines in order. */
    void forEachLine(String file, Consumer<String> each) throws IOException {
        try (BufferedReader in = reader(Files.newInputStream(folder.resolve(file)))) {
            for (String line; (line = in.readLine()) != null; ) {
                each.accept(line);
            }
        }
    }

    /** The line that starts with {@code prefix}, reading the file until it is found. */
    Optional<String> find(String file, String prefix) throws IOException {
        try (BufferedReader in = reader(Files.newInputStream(folder.resolve(file)))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith(prefix)) {
                    return Optional.of(line);
                }
            }
        }
        return Optional.empty();
    }

    /** Removes what a cut-off write may have left of {@code file}. */
    void discard(String file) throws IOException {
        for (String name : List.of(file, file + ".part", file + ".sha256", file + ".sha256.part")) {
            Files.deleteIfExists(folder.resolve(name));
        }
    }

    private static BufferedReader reader(InputStream in) throws IOException {
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8));
    }

    private static void publish(Path part, Path target) throws IOException {
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException("the JDK has no SHA-256", e));
        }
    }
}
