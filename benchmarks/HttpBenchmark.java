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
 * Besides throughput it reports the service process's CPU time per request, which a busy machine disturbs less.
 *
 *   ./mvnw -q package -DskipTests && java benchmarks/HttpBenchmark.java [seconds-per-scenario] [client-threads]
 *
 *   java benchmarks/HttpBenchmark.java batch [seconds-per-scenario] [client-threads]
 *
 * runs only the batches (1,000 situations, with and without explanation): a batch takes about a second of the
 * service's CPU, so the mixed run's few seconds per scenario finish only a handful of them.
 *
 *   java benchmarks/HttpBenchmark.java activation [seconds-per-phase] [client-threads]
 *
 * measures instead the latency of single evaluations, first steady, then while an admin uploads and activates new
 * rule-set versions one after the other ({@link ActivationLatency}).
 *
 *   java benchmarks/HttpBenchmark.java impact [seconds-per-phase] [client-threads] [audited-situations]
 *
 * the same latency, steady and then while impact runs of a new version go over the audit trail one after the other
 * ({@link ImpactLatency}).
 *
 * -Dbeacon.jar=path runs another build of the service (e.g. main's, for a before/after in one session);
 * -Dservice.jvm="options" passes JVM options to it (e.g. -XX:StartFlightRecording=filename=http.jfr).
 *
 * Traffic goes only to 127.0.0.1; every loop is bounded by time.
 */
public class HttpBenchmark {

    /**
     * @param serviceCpuMicros CPU time the service process used per request (all its threads, GC included)
     * @param jitCpuMicros of that, the JIT compiler's threads: still compiling in the measured round, they load the
     *     evaluation, which runs much more code than the no-op, more than the no-op (issue 25)
     */
    record Result(String scenario, double requestsPerSecond, double situationsPerSecond, long errors,
            double serviceCpuMicros, double jitCpuMicros) {
    }

    public static void main(String[] args) throws Exception {
        boolean activation = args.length > 0 && args[0].equals("activation");
        boolean impact = args.length > 0 && args[0].equals("impact");
        boolean batchOnly = args.length > 0 && args[0].equals("batch");
        int audited = impact && args.length > 3 ? Integer.parseInt(args[3]) : 50_000;
        if (activation || impact || batchOnly) {
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
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
        Process service = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolve("service.log").toFile()).start();
        boolean finished = false;
        try {
            String base = "http://127.0.0.1:" + port;
            waitUntilUp(base);
            String caller = createCaller(base, basic("admin", adminPassword));
            String situation = Files.readString(Path.of("examples/requests/cholera-county-12.json")).trim();
            if (impact) {
                ImpactLatency.run(base, caller, basic("admin", adminPassword), situation, seconds, threads, audited);
                finished = true;
                return;
            }
            if (activation) {
                ActivationLatency.run(base, caller, basic("admin", adminPassword), situation, seconds, threads);
                finished = true;
                return;
            }
            StringBuilder batch = new StringBuilder("{\"situations\":[");
            for (int i = 0; i < 1000; i++) {
                batch.append(i == 0 ? "" : ",").append(situation.replace("\"cases\":12", "\"cases\":" + (i % 40)));
            }
            String batchBody = batch.append("]}").toString();
            List<Result> results = new ArrayList<>();
            // Two rounds, scenarios interleaved; the first round is warm-up for the JIT and the database.
            for (int round = 1; round <= 2; round++) {
                results.clear();
                if (batchOnly) {
                    results.add(run(service, base + "/evaluations/batch", caller, batchBody, 1000, seconds,
                            Math.min(threads, 4), "POST /evaluations/batch, 1,000 per batch, audited"));
                    results.add(run(service, base + "/evaluations/batch?explain=false", caller, batchBody, 1000,
                            seconds, Math.min(threads, 4), "POST /evaluations/batch?explain=false, 1,000 per batch, "
                            + "audited"));
                    continue;
                }
                results.add(run(service, base + "/benchmark/noop", caller, situation, 1, seconds, threads,
                        "no-op endpoint (baseline)"));
                results.add(run(service, base + "/evaluations", caller, situation, 1, seconds, threads,
                        "POST /evaluations, audited, with explanation"));
                results.add(run(service, base + "/evaluations?explain=false", caller, situation, 1, seconds, threads,
                        "POST /evaluations?explain=false, audited"));
                results.add(run(service, base + "/evaluations/batch?explain=false", caller, batchBody, 1000, seconds,
                        Math.min(threads, 4), "POST /evaluations/batch?explain=false, 1,000 per batch, audited"));
            }
            double baseline = results.get(0).requestsPerSecond();
            System.out.printf("%d s per scenario, %d client threads, %d cores, Java %s%n%n", seconds, threads,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            System.out.println("| scenario | requests/s | situations/s | vs no-op | service CPU per request "
                    + "| errors | of which JIT compiling |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|");
            for (Result r : results) {
                String ratio = r.situationsPerSecond() == r.requestsPerSecond()
                        ? String.format("%.0f%%", 100 * r.requestsPerSecond() / baseline) : "n/a";
                System.out.printf("| %s | %,.0f | %,.0f | %s | %,.0f µs | %d | %s |%n", r.scenario(),
                        r.requestsPerSecond(), r.situationsPerSecond(), ratio, r.serviceCpuMicros(), r.errors(),
                        Double.isNaN(r.jitCpuMicros()) ? "n/a" : String.format("%,.0f µs", r.jitCpuMicros()));
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

    private static Result run(Process service, String url, String authorization, String body,
            int situationsPerRequest, int seconds, int threads, String name) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long cpuBefore = cpuNanos(service);
        long jitBefore = jitNanos(service);
        Phase p = phase(name, client, request, seconds, threads, null);
        long cpu = cpuNanos(service) - cpuBefore;
        long jit = jitNanos(service) - jitBefore;
        long ok = p.nanos().size();
        return new Result(name, ok / p.seconds(), ok * situationsPerRequest / p.seconds(), p.errors(),
                ok == 0 ? Double.NaN : cpu / 1e3 / ok, ok == 0 || jitBefore < 0 ? Double.NaN : jit / 1e3 / ok);
    }

    /** One timed phase of load: the latency of each request answered 200, the requests that failed, its length. */
    record Phase(String name, List<Long> nanos, long errors, double seconds) {
        long percentile(double p) {
            List<Long> sorted = nanos.stream().sorted().toList();
            int rank = (int) Math.ceil(p * sorted.size()) - 1;
            return sorted.isEmpty() ? 0 : sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank)));
        }
    }

    /** The phases' latencies as a Markdown table. */
    private static void printLatencies(Phase... phases) {
        System.out.println("| phase | evaluations | errors | p50 | p99 | max |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (Phase p : phases) {
            System.out.printf("| %s | %,d | %d | %.2f ms | %.2f ms | %.1f ms |%n", p.name(), p.nanos().size(),
                    p.errors(), p.percentile(0.50) / 1e6, p.percentile(0.99) / 1e6,
                    p.nanos().stream().mapToLong(Long::longValue).max().orElse(0) / 1e6);
        }
    }

    /** Work done beside the clients until {@code stop} is set (uploads and activations), or none. */
    interface Admin {
        void work(AtomicBoolean stop) throws Exception;
    }

    /** {@code threads} clients send {@code request} one at a time each for {@code seconds}, bounded by time. */
    private static Phase phase(String name, HttpClient client, HttpRequest request, int seconds, int threads,
            Admin admin) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong errors = new AtomicLong();
        List<Long> nanos = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                while (!stop.get()) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() == 200) {
                            nanos.add(System.nanoTime() - t0);
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        Future<?> adminWork = admin == null ? null : pool.submit(() -> {
            admin.work(stop);
            return null;
        });
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Future<?> f : futures) {
            f.get();
        }
        if (adminWork != null) {
            adminWork.get(); // the version being uploaded when time ran out is finished, and may add to the tail
        }
        pool.shutdown();
        return new Phase(name, new ArrayList<>(nanos), errors.get(), (System.nanoTime() - start) / 1e9);
    }

    /** CPU time of the service process so far: on a shared machine a steadier measure than requests per second. */
    static long cpuNanos(Process service) {
        return service.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /**
     * CPU time of the service's JIT compiler threads ({@code C1 CompilerThre…}, {@code C2 CompilerThre…}) so far, from
     * Linux's /proc (user + system ticks, taken as 100 a second); -1 where there is none. A compiler thread that the
     * JVM ends between two readings takes its ticks with it, so this can only undercount.
     */
    static long jitNanos(Process service) {
        Path tasks = Path.of("/proc", String.valueOf(service.pid()), "task");
        if (!Files.isDirectory(tasks)) {
            return -1;
        }
        long ticks = 0;
        try (var threads = Files.list(tasks)) {
            for (Path task : threads.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue; // the thread ended while listed
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                if (!stat.substring(open + 1, close).contains("CompilerThre")) {
                    continue;
                }
                String[] fields = stat.substring(close + 2).split(" "); // from field 3, state
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime: fields 14, 15
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks * 10_000_000L;
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
        // a loaded machine (other builds on the same cores) can take minutes to start the service
        for (int i = 0; i < 360; i++) {
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
        throw new IllegalStateException("the service did not start within 180 s");
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * p50/p99 of single evaluations in a steady phase, then in a phase of the same length in which an admin uploads
     * the bundled workbooks as a new version and activates it, again and again. Each upload changes one workbook's
     * bytes (its zip comment) and nothing else, so it is a new version that the service validates, compiles and
     * tests in full, while the decisions stay the same.
     */
    static final class ActivationLatency {

        static void run(String base, String caller, String admin, String situation, int seconds, int threads)
                throws Exception {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest evaluate = HttpRequest.newBuilder(URI.create(base + "/evaluations"))
                    .header("Content-Type", "application/json").header("Authorization", caller)
                    .POST(HttpRequest.BodyPublishers.ofString(situation)).build();
            List<Path> workbooks;
            try (var files = Files.list(Path.of("tables"))) {
                workbooks = files.filter(f -> f.toString().endsWith(".xlsx")).sorted().toList();
            }
            phase("warm-up", client, evaluate, seconds, threads, null);
            Phase steady = phase("steady", client, evaluate, seconds, threads, null);
            List<Long> activations = new ArrayList<>();
            Phase activating = phase("activating", client, evaluate, seconds, threads, stop -> {
                for (int n = 1; !stop.get(); n++) {
                    long t0 = System.nanoTime();
                    String id = upload(client, base, admin, workbooks, n);
                    send(client, HttpRequest.newBuilder(URI.create(base + "/rule-sets/" + id + "/activation"))
                            .header("Authorization", admin).POST(HttpRequest.BodyPublishers.noBody()).build());
                    activations.add(System.nanoTime() - t0);
                }
            });
            System.out.printf("%d s per phase, %d client threads sending POST /evaluations one at a time each, "
                    + "%d cores, Java %s%n%n", seconds, threads, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            printLatencies(steady, activating);
            System.out.printf("%nactivating vs steady: p50 %.2fx, p99 %.2fx; %d versions uploaded and activated, "
                    + "%.1f s each on average%n", (double) activating.percentile(0.50) / steady.percentile(0.50),
                    (double) activating.percentile(0.99) / steady.percentile(0.99), activations.size(),
                    activations.stream().mapToLong(Long::longValue).average().orElse(0) / 1e9);
        }

        /** Uploads the workbooks as a new version (revision n changes the first one's zip comment); its id. */
        private static String upload(HttpClient client, String base, String admin, List<Path> workbooks, int n)
                throws Exception {
            String boundary = "beacon-" + UUID.randomUUID();
            var body = new java.io.ByteArrayOutputStream();
            for (Path w : workbooks) {
                byte[] bytes = Files.readAllBytes(w);
                if (w.equals(workbooks.get(0))) {
                    bytes = withComment(bytes, "benchmark revision " + n);
                }
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                        + w.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                body.write(bytes);
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            String answer = send(client, HttpRequest.newBuilder(URI.create(base + "/rule-sets"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Authorization", admin)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
            Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(answer);
            if (!id.find()) {
                throw new IllegalStateException("the upload answered no version id: " + answer);
            }
            return id.group(1);
        }

        private static String send(HttpClient client, HttpRequest request) throws Exception {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.uri() + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        }

        /** The same zip entries with another archive comment: other bytes, the same workbook. */
        private static byte[] withComment(byte[] xlsx, String comment) throws IOException {
            var out = new java.io.ByteArrayOutputStream(xlsx.length + 1024);
            try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(xlsx));
                    var zip = new java.util.zip.ZipOutputStream(out)) {
                for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    zip.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
                zip.setComment(comment);
            }
            return out.toByteArray();
        }
    }

    /**
     * p50/p99 of single evaluations in a steady phase, then in a phase of the same length in which an admin runs the
     * impact of a new version (the bundled workbooks with another zip comment, so every decision is the same and the
     * run does its whole work) over {@code audited} stored situations, one run after the other. Impact runs are on
     * one thread at the lowest priority; this measures what evaluations notice of them.
     */
    static final class ImpactLatency {

        static void run(String base, String caller, String admin, String situation, int seconds, int threads,
                int audited) throws Exception {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest evaluate = HttpRequest.newBuilder(URI.create(base + "/evaluations"))
                    .header("Content-Type", "application/json").header("Authorization", caller)
                    .POST(HttpRequest.BodyPublishers.ofString(situation)).build();
            for (int stored = 0; stored < audited; stored += 1000) {
                StringBuilder batch = new StringBuilder("{\"situations\":[");
                for (int i = 0; i < 1000; i++) {
                    batch.append(i == 0 ? "" : ",").append(situation.replace("\"cases\":12", "\"cases\":"
                            + ((stored + i) % 60)));
                }
                ActivationLatency.send(client, HttpRequest.newBuilder(URI.create(base
                        + "/evaluations/batch?explain=false")).header("Content-Type", "application/json")
                        .header("Authorization", caller).POST(HttpRequest.BodyPublishers.ofString(batch.append("]}")
                                .toString())).build());
            }
            List<Path> workbooks;
            try (var files = Files.list(Path.of("tables"))) {
                workbooks = files.filter(f -> f.toString().endsWith(".xlsx")).sorted().toList();
            }
            String version = ActivationLatency.upload(client, base, admin, workbooks, 1);
            phase("warm-up", client, evaluate, seconds, threads, null);
            Phase steady = phase("steady", client, evaluate, seconds, threads, null);
            List<double[]> runs = new ArrayList<>();
            Phase during = phase("impact runs going", client, evaluate, seconds, threads, stop -> {
                while (!stop.get()) {
                    long t0 = System.nanoTime();
                    String answer = ActivationLatency.send(client, HttpRequest.newBuilder(URI.create(base
                            + "/rule-sets/" + version + "/impact?limit=1000000")).header("Authorization", admin)
                            .POST(HttpRequest.BodyPublishers.noBody()).build());
                    Matcher self = Pattern.compile("\"self\"\\s*:\\s*\"([^\"]+)\"").matcher(answer);
                    if (!self.find()) {
                        throw new IllegalStateException("no run link: " + answer);
                    }
                    String status = "";
                    String body = "";
                    while (!status.equals("done") && !status.equals("failed")) {
                        Thread.sleep(200);
                        body = ActivationLatency.send(client, HttpRequest.newBuilder(URI.create(base + self.group(1)))
                                .header("Authorization", admin).GET().build());
                        Matcher m = Pattern.compile("\"status\"\\s*:\\s*\"([a-z]+)\"").matcher(body);
                        status = m.find() ? m.group(1) : "";
                    }
                    Matcher total = Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(body);
                    runs.add(new double[] {(System.nanoTime() - t0) / 1e9, total.find()
                            ? Long.parseLong(total.group(1)) : 0});
                }
            });
            System.out.printf("%d s per phase, %d client threads sending POST /evaluations one at a time each, "
                    + "%d cores, Java %s; %,d audited situations%n%n", seconds, threads,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), audited);
            printLatencies(steady, during);
            double situations = runs.stream().mapToDouble(r -> r[1]).sum();
            double secs = runs.stream().mapToDouble(r -> r[0]).sum();
            // no evaluations/s ratio: the phase lasts until the last impact run ends, past the clients' time
            System.out.printf("%nimpact runs going vs steady: p50 %.2fx, p95 %.2fx (%.2f → %.2f ms), p99 %.2fx; %d "
                    + "impact run(s) finished, %,.0f audited situations/s decided twice%n",
                    (double) during.percentile(0.50) / steady.percentile(0.50),
                    (double) during.percentile(0.95) / steady.percentile(0.95), steady.percentile(0.95) / 1e6,
                    during.percentile(0.95) / 1e6,
                    (double) during.percentile(0.99) / steady.percentile(0.99), runs.size(),
                    secs == 0 ? 0 : situations / secs);
        }
    }
}
