import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The audit row's codec, the one before issue 25 (zlib at its fastest level) against the one after (Zstandard level
 * 1), on a decision as the service stores it: time to compress and to decompress one decision, and the row's size.
 * Both codecs in the same JVM, interleaved, so a loaded machine slows both alike; the ratio is the figure.
 *
 *   ./mvnw -q package -DskipTests && java benchmarks/DecisionSnapshot.java /tmp/snapshot
 *   java -cp ~/.m2/repository/com/github/luben/zstd-jni/1.5.7-21/zstd-jni-1.5.7-21.jar \
 *       benchmarks/AuditCodecBenchmark.java /tmp/snapshot/api/cholera-county-12.json
 *
 * The file is a decision as {@code POST /evaluations} answers it (16.5 KB for cholera-county-12).
 */
public class AuditCodecBenchmark {

    public static void main(String[] args) throws Exception {
        byte[] json = Files.readAllBytes(Path.of(args[0]));
        byte[] zlibRow = zlib(json);
        byte[] zstdRow = Zstd.compress(json, 1);
        long sink = 0;
        double[] zlibIn = new double[5];
        double[] zstdIn = new double[5];
        double[] zlibOut = new double[5];
        double[] zstdOut = new double[5];
        int n = 2_000;
        for (int round = -3; round < 5; round++) { // three rounds of warm-up
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += zlib(json).length;
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += Zstd.compress(json, 1).length;
            }
            long t2 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += unzlib(zlibRow, json.length).length;
            }
            long t3 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += Zstd.decompress(zstdRow).length;
            }
            long t4 = System.nanoTime();
            if (round >= 0) {
                zlibIn[round] = (t1 - t0) / 1e3 / n;
                zstdIn[round] = (t2 - t1) / 1e3 / n;
                zlibOut[round] = (t3 - t2) / 1e3 / n;
                zstdOut[round] = (t4 - t3) / 1e3 / n;
            }
        }
        System.out.printf("decision %,d bytes; rows: zlib %,d bytes, zstd %,d bytes (checksum %d)%n", json.length,
                zlibRow.length, zstdRow.length, sink % 7);
        System.out.println("| per decision, µs (median of 5 rounds of " + n + ") | zlib level 1 | zstd level 1 "
                + "| zlib / zstd |");
        System.out.println("|---|---:|---:|---:|");
        System.out.printf("| compress | %.1f | %.1f | %.1f× |%n", median(zlibIn), median(zstdIn),
                median(zlibIn) / median(zstdIn));
        System.out.printf("| decompress | %.1f | %.1f | %.1f× |%n", median(zlibOut), median(zstdOut),
                median(zlibOut) / median(zstdOut));
    }

    private static byte[] zlib(byte[] json) {
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

    private static byte[] unzlib(byte[] row, int size) throws Exception {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(row);
            byte[] out = new byte[size];
            inflater.inflate(out);
            return out;
        } finally {
            inflater.end();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
