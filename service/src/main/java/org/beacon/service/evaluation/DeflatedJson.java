package org.beacon.service.evaluation;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * An audited decision as the database keeps it: its JSON's UTF-8 bytes, compressed (about 17 KB to 5 KB). H2
 * rewrites the pages it stores a row in at every commit, so the smaller row is cheaper to write. Rows are written
 * as Zstandard frames at level 1: zlib's fastest level took about 54 µs per decision, a large part of a batch
 * situation's cost, for rows no smaller. Rows written before (issue 10) are zlib streams and stay readable: a
 * Zstandard frame starts with its magic number {@code 28 B5 2F FD}, a zlib stream with {@code 78}, so the first
 * bytes tell the codec and no column or prefix of our own is needed. Decompressing gives back exactly the bytes that
 * were compressed, so {@code GET /evaluations/{id}} answers the JSON as it was sent.
 */
final class DeflatedJson {

    /** The magic number that opens every Zstandard frame (RFC 8878, 3.1.1), as stored: little-endian. */
    private static final byte[] ZSTD_MAGIC = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD};
    private static final int LEVEL = 1;

    private DeflatedJson() {
    }

    static byte[] deflate(byte[] json) {
        return Zstd.compress(json, LEVEL);
    }

    /** The JSON of a stored row, whichever codec wrote it. */
    static String inflate(byte[] stored) {
        return isZstd(stored) ? unzstd(stored) : unzlib(stored);
    }

    private static boolean isZstd(byte[] stored) {
        if (stored.length < ZSTD_MAGIC.length) {
            return false;
        }
        for (int i = 0; i < ZSTD_MAGIC.length; i++) {
            if (stored[i] != ZSTD_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static String unzstd(byte[] stored) {
        try {
            return new String(Zstd.decompress(stored), StandardCharsets.UTF_8);
        } catch (ZstdException e) {
            throw new IllegalStateException("a stored decision is cut short or damaged (" + stored.length
                    + " bytes compressed): " + e.getMessage(), e);
        }
    }

    /** Rows written before the Zstandard codec: zlib. */
    private static String unzlib(byte[] deflated) {
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
