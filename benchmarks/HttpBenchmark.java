import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP throughput of the evaluation API against a no-op endpoint of the same application, measured in one run with
 * one client. Starts service/target/beacon.jar on a free localhost port with a fresh H2 file database and a random
 * first-admin password, creates a caller user with it, loads the service as that caller (HTTP Basic, as a platform
 * would) from a few client threads for a fixed time per scenario, prints a Markdown table, and stops the service.
 *
 *   ./mvnw -q package -DskipTests && java benchmarks/HttpBenchmark.java [seconds-per-scenario] [client-threads]
 *
 * Traffic goes only to 127.0.0.1; every loop is bounded by time.
 */
public class HttpBenchmark {

    record Result(String scenario, double requestsPerSecond, double situationsPerSecond, long errors) {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Path jar = Path.of(System.getProperty("beacon.jar", "service/target/beacon.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build first: ./mvnw -q package -DskipTests");
        }
        int port = freePort();
        Path data = Files.createTempDirectory("beacon-bench-");
        String adminPassword = "bench-" + UUID.randomUUID();
        List<String> command = new ArrayList<>(List.of("java"));
        String jvmOptions = System.getProperty("service.jvm", "");
        if (!jvmOptions.isBlank()) {
            command.addAll(List.of(jvmOptions.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1",
                "--beacon.data-dir=" + data, "--beacon.benchmark.noop-endpoint=true",
                "--beacon.security.initial-admin-password=" + adminPassword, "--logging.level.root=WARN"));
        Process service = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(data.resolve("service.log").toFile()).start();
        boolean finished = false;
        try {
            String base = "http://127.0.0.1:" + port;
            waitUntilUp(base);
            String caller = createCaller(base, basic("admin", adminPassword));
            String situation = Files.readString(Path.of("examples/requests/cholera-county-12.json")).trim();
            StringBuilder batch = new StringBuilder("{\"situations\":[");
            for (int i = 0; i < 1000; i++) {
                batch.append(i == 0 ? "" : ",").append(situation.replace("\"cases\":12", "\"cases\":" + (i % 40)));
            }
            String batchBody = batch.append("]}").toString();
            List<Result> results = new ArrayList<>();
            // Two rounds, scenarios interleaved; the first round is warm-up for the JIT and the database.
            for (int round = 1; round <= 2; round++) {
                results.clear();
                results.add(run(base + "/benchmark/noop", caller, situation, 1, seconds, threads,
                        "no-op endpoint (baseline)"));
                results.add(run(base + "/evaluations", caller, situation, 1, seconds, threads,
                        "POST /evaluations, audited, with explanation"));
                results.add(run(base + "/evaluations?explain=false", caller, situation, 1, seconds, threads,
                        "POST /evaluations?explain=false, audited"));
                results.add(run(base + "/evaluations/batch?explain=false", caller, batchBody, 1000, seconds,
                        Math.min(threads, 4), "POST /evaluations/batch?explain=false, 1,000 per batch, audited"));
            }
            double baseline = results.get(0).requestsPerSecond();
            System.out.printf("%d s per scenario, %d client threads, %d cores, Java %s%n%n", seconds, threads,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            System.out.println("| scenario | requests/s | situations/s | vs no-op | errors |");
            System.out.println("|---|---:|---:|---:|---:|");
            for (Result r : results) {
                String ratio = r.situationsPerSecond() == r.requestsPerSecond()
                        ? String.format("%.0f%%", 100 * r.requestsPerSecond() / baseline) : "n/a";
                System.out.printf("| %s | %,.0f | %,.0f | %s | %d |%n", r.scenario(), r.requestsPerSecond(),
                        r.situationsPerSecond(), ratio, r.errors());
            }
            finished = true;
        } finally {
            service.destroy();
            service.waitFor();
            if (finished) {
                deleteRecursively(data); // gigabytes of audited decisions; kept with the log when the run failed
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static Result run(String url, String authorization, String body, int situationsPerRequest, int seconds,
            int threads, String name) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                while (!stop.get()) {
                    try {
                        HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
                        (r.statusCode() == 200 ? ok : errors).incrementAndGet();
                    } catch (IOException | InterruptedException e) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Future<?> f : futures) {
            f.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(name, ok.get() / elapsed, ok.get() * situationsPerRequest / elapsed, errors.get());
    }

    /**
     * Creates the user {@code bench-caller} with the caller role and a generated password (the service answers it
     * once); returns its Authorization header. The service remembers a verified password for a minute, so the bcrypt
     * check is paid about once a minute, not per request.
     */
    private static String createCaller(String base, String admin) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/users"))
                .header("Content-Type", "application/json").header("Authorization", admin)
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"bench-caller\",\"roles\":[\"caller\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher password = Pattern.compile("\"password\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 201 || !password.find()) {
            throw new IllegalStateException("could not create the caller user: " + r.statusCode() + " " + r.body());
        }
        return basic("bench-caller", password.group(1));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static void waitUntilUp(String base) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 120; i++) {
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the service did not start within 60 s");
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
