import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.beacon.service.evaluation.EvaluationResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.module.blackbird.BlackbirdModule;

/**
 * What writing a decision's JSON costs Jackson, on one thread (CPU time per write, which a loaded machine moves
 * little): the service's answer record ({@code EvaluationResponse}, read back from an answer as the service reads its
 * audit rows) written by a plain {@code JsonMapper}, the same with Jackson's Blackbird module (generated accessors
 * instead of reflection), and the same JSON written from a tree, which is the generator's own work with no bean
 * introspection at all. Each way must give back the answer byte for byte, or the run stops. Interleaved rounds;
 * median.
 *
 *   unzip -q -o service/target/beacon.jar 'BOOT-INF/*' -d /tmp/beacon-jar
 *   java -cp "/tmp/beacon-jar/BOOT-INF/classes:/tmp/beacon-jar/BOOT-INF/lib/*:<jackson-module-blackbird 3.1.4 jar>" \
 *       benchmarks/DecisionWriteBenchmark.java <an answer of POST /evaluations, with its explanation>
 */
public class DecisionWriteBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int ROUNDS = 7;
    private static final int WRITES = 2_000;

    public static void main(String[] args) throws Exception {
        byte[] answer = Files.readAllBytes(Path.of(args[0]));
        JsonMapper plain = JsonMapper.builder().build();
        JsonMapper blackbird = JsonMapper.builder().addModule(new BlackbirdModule()).build();
        EvaluationResponse decision = plain.readValue(answer, EvaluationResponse.class);
        JsonNode tree = plain.readTree(answer);
        List<String> names = List.of("record, plain JsonMapper", "record, JsonMapper with Blackbird",
                "tree (the generator alone)");
        List<Supplier<byte[]>> ways = List.of(() -> plain.writeValueAsBytes(decision),
                () -> blackbird.writeValueAsBytes(decision), () -> plain.writeValueAsBytes(tree));
        for (int w = 0; w < ways.size(); w++) {
            if (!Arrays.equals(ways.get(w).get(), answer)) {
                throw new IllegalStateException(names.get(w) + " does not give back the answer byte for byte");
            }
        }
        long[][] nanos = new long[ways.size()][ROUNDS];
        long sink = 0;
        for (int round = -3; round < ROUNDS; round++) { // three rounds of warm-up
            for (int w = 0; w < ways.size(); w++) {
                long t0 = THREADS.getCurrentThreadCpuTime();
                for (int i = 0; i < WRITES; i++) {
                    sink += ways.get(w).get().length;
                }
                if (round >= 0) {
                    nanos[w][round] = (THREADS.getCurrentThreadCpuTime() - t0) / WRITES;
                }
            }
        }
        System.out.printf("%s: %,d bytes; CPU time of one write, median of %d interleaved rounds of %,d (sink %d)%n%n",
                args[0], answer.length, ROUNDS, WRITES, sink % 10);
        System.out.println("| written from | µs per decision |");
        System.out.println("|---|---:|");
        for (int w = 0; w < ways.size(); w++) {
            long[] sorted = nanos[w].clone();
            Arrays.sort(sorted);
            System.out.printf("| %s | %.1f |%n", names.get(w), sorted[ROUNDS / 2] / 1e3);
        }
    }
}
