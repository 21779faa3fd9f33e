package org.beacon.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Edits the parts of a workbook's zip, for files no spreadsheet program would write. */
final class Zips {

    /** Writes one part's new content, streamed. */
    interface PartWriter {
        void write(OutputStream out) throws IOException;
    }

    private Zips() {
    }

    /** The workbook with one part's XML text changed. */
    static byte[] replace(byte[] xlsx, String part, UnaryOperator<String> change) {
        return edit(xlsx, Map.of(part, change), Map.of());
    }

    /** The workbook with parts changed (a part missing from the file is created from "") and parts added. */
    static byte[] edit(byte[] xlsx, Map<String, UnaryOperator<String>> changes, Map<String, String> added) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        copy(xlsx, bytes, name -> {
            UnaryOperator<String> change = changes.get(name);
            return change == null ? null : out -> out.write(change.apply(new String(contentOf(xlsx, name),
                    StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        }, added);
        return bytes.toByteArray();
    }

    /** Copies the workbook to {@code out}, streaming the parts {@code writers} gives a writer for. */
    static void copy(byte[] xlsx, OutputStream out, java.util.function.Function<String, PartWriter> writers,
            Map<String, String> added) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                PartWriter writer = writers.apply(e.getName());
                if (writer == null) {
                    in.transferTo(zip);
                } else {
                    writer.write(zip);
                }
                zip.closeEntry();
            }
            for (Map.Entry<String, String> part : added.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the workbook's parts, in the order of the zip. */
    static java.util.List<String> parts(byte[] xlsx) {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] contentOf(byte[] xlsx, String part) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals(part)) {
                    return in.readAllBytes();
                }
            }
            throw new IllegalArgumentException("no part " + part);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
