package org.beacon.service.evaluation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * An audited decision as the database keeps it: its JSON's UTF-8 bytes, zlib-compressed (about 17 KB to 5.6 KB). H2
 * rewrites the pages it stores a row in at every commit, so the smaller row is cheaper to write; the fastest level
 * is used because the compression ratio barely improves with higher ones. Inflating gives back exactly the bytes
 * that were deflated, so {@code GET /evaluations/{id}} answers the JSON as it was sent.
 */
final class DeflatedJson {

    private DeflatedJson() {
    }

    static byte[] deflate(byte[] json) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(json);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 3 + 64);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    static String inflate(byte[] deflated) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream(deflated.length * 4);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("a stored decision is cut short (" + deflated.length
                            + " bytes compressed)");
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalStateException("a stored decision is not zlib data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
