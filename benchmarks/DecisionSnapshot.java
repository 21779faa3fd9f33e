import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes what Beacon decides for a fixed set of inputs into a folder, so that a change meant to keep behaviour (a
 * refactoring, a performance change) can be proved byte-identical with {@code diff -r before/ after/}:
 * <ul>
 *   <li>{@code cli/<example>.json}: {@code beacon evaluate tables/ <example> --json} for every file of
 *       {@code examples/requests/};</li>
 *   <li>{@code api/<example>.json}: {@code POST /evaluations} of the same files, without the evaluation id;</li>
 *   <li>{@code replays/*}: {@code steps.csv} and {@code summary.json} of {@code beacon replay} for the COVID-19 2020
 *       example (canghailan, with the actual decisions), the same with the JHU source and a second arm
 *       ({@code --compare tables/}), and dengue by month with zero-fill;</li>
 *   <li>{@code varied-explained.json} and {@code varied-plain.json}: 10,000 seeded situations of twelve shapes (both
 *       sides of the bundled thresholds) through {@code POST /evaluations/batch}, with and without explanation, each
 *       answer without its evaluation id.</li>
 * </ul>
 * Uses only the command line ({@code BeaconCommand.run}, what {@code main} calls, in this JVM; one JVM per run for a
 * build without it or with {@code -Dbeacon.cli.fork=true}) and the HTTP API, so it runs unchanged on builds whose
 * internals differ. The command line and the service work at the same time, and each part prints its wall and CPU time.
 *
 *   ./mvnw -q package -DskipTests && java benchmarks/DecisionSnapshot.java snapshot-dir
 *
 * -Dbeacon.jar and -Dbeacon.cli name other builds (e.g. a worktree of the commit before a change); the inputs
 * ({@code tables/}, {@code examples/}) are those of the folder it runs in, so two builds answer the same inputs.
 */
public class DecisionSnapshot {

    private static final int VARIED = 10_000;
    private static final int BATCH = 2_000;
    /** Fields that differ from run to run, compact ({@code "millis":12}) or pretty-printed ({@code "millis" : 12}). */
    private static final Pattern VOLATILE = Pattern.compile(
            "\"(evaluationId|evaluatedAt|batchId|millis)\" ?: ?(\"[^\"]*\"|[0-9]+),?");

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: java benchmarks/DecisionSnapshot.java <out-dir>");
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out.resolve("cli"));
        Files.createDirectories(out.resolve("api"));
        Files.createDirectories(out.resolve("replays"));
        Path cli = Path.of(System.getProperty("beacon.cli", "cli/target/beacon-cli.jar"));
        Path jar = Path.of(System.getProperty("beacon.jar", "service/target/beacon.jar"));
        List<Path> examples;
        try (Stream<Path> files = Files.list(Path.of("examples/requests"))) {
            examples = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        CommandLine commandLine = CommandLine.of(cli, Boolean.getBoolean("beacon.cli.fork"));
        ExecutorService parts = Executors.newFixedThreadPool(2);
        try {
            // the command line works in this JVM while the service answers in its own: two parts for two cores
            Future<String> commands = parts.submit(() -> timed("CLI answers and replays (" + commandLine + ")",
                    () -> commandLinePart(commandLine, out, examples), DecisionSnapshot::cpuWithWaitedChildren));
            Future<String> api = parts.submit(() -> apiPart(jar, out, examples));
            System.out.println(commands.get());
            System.out.println(api.get());
        } finally {
            parts.shutdownNow();
        }
        System.out.println("snapshot written to " + out + " (" + examples.size() + " examples, 3 replays, " + VARIED
                + " situations)");
    }

    private static void commandLinePart(CommandLine cli, Path out, List<Path> examples) throws Exception {
        for (Path example : examples) {
            Files.writeString(out.resolve("cli").resolve(example.getFileName()),
                    cli.run(List.of("evaluate", "tables/", example.toString(), "--json")));
        }
        replay(cli, out, "covid-canghailan", "examples/timelines/covid-2020-zhejiang-hubei-guangdong.csv",
                "--source", "canghailan", "--actual", "examples/timelines/covid-2020-response-levels.csv");
        replay(cli, out, "covid-jhu-compare", "examples/timelines/covid-2020-zhejiang-hubei-guangdong.csv",
                "--source", "jhu", "--compare", "tables/", "--actual",
                "examples/timelines/covid-2020-response-levels.csv");
        replay(cli, out, "dengue-monthly", "examples/timelines/dengue-guangdong-monthly-2004-2020.csv",
                "--step", "month", "--missing-days", "zero-fill");
    }

    private static String apiPart(Path jar, Path out, List<Path> examples) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path data = Files.createTempDirectory("beacon-snapshot-");
        String password = "snapshot-" + UUID.randomUUID();
        Process service = new ProcessBuilder("java", "-jar", jar.toString(), "--server.port=" + port,
                "--server.address=127.0.0.1", "--beacon.data-dir=" + data,
                "--beacon.security.initial-admin-password=" + password, "--logging.level.root=WARN")
                .redirectErrorStream(true).redirectOutput(data.resolve("service.log").toFile()).start();
        try {
            String base = "http://127.0.0.1:" + port;
            String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password)
                    .getBytes(StandardCharsets.UTF_8));
            HttpClient http = HttpClient.newHttpClient();
            String started = timed("service start", () -> waitUntilUp(http, base), () -> cpu(service.toHandle()));
            return started + "\n" + timed("API answers and batches", () -> {
                for (Path example : examples) {
                    Files.writeString(out.resolve("api").resolve(example.getFileName()),
                            stable(post(http, base + "/evaluations", auth, Files.readString(example))));
                }
                List<String> situations = varied(VARIED, 20261204L);
                for (boolean explain : new boolean[] {true, false}) {
                    StringBuilder all = new StringBuilder();
                    for (int from = 0; from < situations.size(); from += BATCH) {
                        String body = "{\"situations\":[" + String.join(",", situations.subList(from,
                                Math.min(situations.size(), from + BATCH))) + "]}";
                        all.append(stable(post(http, base + "/evaluations/batch?explain=" + explain, auth, body)))
                                .append('\n');
                    }
                    Files.writeString(out.resolve(explain ? "varied-explained.json" : "varied-plain.json"), all);
                }
            }, () -> cpu(service.toHandle()));
        } finally {
            service.destroy();
            service.waitFor();
        }
    }

    interface Part {
        void run() throws Exception;
    }

    /** Runs a part and says how long it took: wall time, and the CPU time of the process doing the work. */
    private static String timed(String name, Part part, Supplier<Duration> cpu) throws Exception {
        Duration cpuBefore = cpu.get();
        long start = System.nanoTime();
        part.run();
        return String.format("%s: %.1f s wall, %.1f s CPU", name, (System.nanoTime() - start) / 1e9,
                cpu.get().minus(cpuBefore).toMillis() / 1e3);
    }

    /** This JVM's CPU time and that of the command-line JVMs it has waited for ({@code /proc/self/stat}). */
    private static Duration cpuWithWaitedChildren() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = 0;
            for (int field = 11; field <= 14; field++) { // utime, stime, cutime, cstime (fields 14-17 of proc(5))
                ticks += Long.parseLong(fields[field]);
            }
            return Duration.ofMillis(ticks * 10); // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return cpu(ProcessHandle.current());
        }
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static void replay(CommandLine cli, Path out, String name, String timeline, String... options)
            throws Exception {
        Path dir = out.resolve("replays").resolve(name);
        List<String> command = new ArrayList<>(List.of("replay", "tables/", timeline));
        command.addAll(List.of(options));
        command.addAll(List.of("--out", dir.toString()));
        cli.run(command);
        Files.deleteIfExists(dir.resolve("report.xlsx")); // a zip with timestamps; its content comes from the steps
        Path summary = dir.resolve("summary.json");
        if (Files.exists(summary)) {
            Files.writeString(summary, stable(Files.readString(summary)));
        }
    }

    /** Twelve shapes of situation, both sides of the bundled thresholds, as JSON. */
    static List<String> varied(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] levels = {"county", "prefecture", "province"};
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String event;
            String indicators = switch (i % 12) {
                case 0, 1 -> {
                    event = "cholera";
                    yield "\"cases\":" + r.nextInt(0, 60) + ",\"countiesAffected\":" + r.nextInt(1, 4);
                }
                case 2 -> {
                    event = "cholera";
                    yield "\"cases\":" + r.nextInt(0, 60) + ",\"stockpileDays\":" + r.nextInt(0, 40)
                            + ",\"icuBedShare\":" + decimal(r, 0, 20) + ",\"negativePressureAmbulanceShare\":"
                            + r.nextInt(0, 101) + ",\"responseMinutes\":" + r.nextInt(10, 120)
                            + ",\"daysSinceLastCase\":" + r.nextInt(0, 30);
                }
                case 3 -> {
                    event = "bubonicPlague";
                    yield "\"cases\":" + r.nextInt(0, 40) + ",\"countiesAffected\":" + r.nextInt(1, 4)
                            + ",\"prefecturesAffected\":" + r.nextInt(1, 3);
                }
                case 4 -> {
                    event = "classBC";
                    yield "\"countiesAffected\":" + r.nextInt(1, 4) + ",\"ratioTo5yMean\":" + decimal(r, 0, 5);
                }
                case 5 -> {
                    event = "measles";
                    yield "\"cases\":" + r.nextInt(0, 30) + ",\"setting\":\"school\",\"windowDays\":"
                            + r.nextInt(1, 15);
                }
                case 6 -> {
                    event = "foodPoisoning";
                    yield "\"cases\":" + r.nextInt(0, 200) + ",\"deaths\":" + r.nextInt(0, 3);
                }
                case 7 -> {
                    event = "occupationalPoisoning";
                    yield "\"cases\":" + r.nextInt(0, 60) + ",\"deaths\":" + r.nextInt(0, 6);
                }
                case 8 -> {
                    event = "pneumonicPlague";
                    yield "\"cases\":" + r.nextInt(0, 12) + ",\"countiesAffected\":" + r.nextInt(1, 3)
                            + ",\"provincesAffected\":1,\"bigOrMediumCity\":" + r.nextBoolean() + ",\"spreading\":"
                            + r.nextBoolean();
                }
                case 9 -> {
                    event = "unexplainedCluster";
                    yield "\"countiesAffected\":" + r.nextInt(1, 4) + ",\"provincesAffected\":" + r.nextInt(1, 3)
                            + ",\"spreading\":" + r.nextBoolean();
                }
                case 10 -> {
                    event = "newDisease";
                    yield "\"cases\":" + r.nextInt(0, 10) + ",\"spreading\":" + r.nextBoolean();
                }
                default -> {
                    event = "cholera";
                    yield "\"responseGrade\":\"" + List.of("Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ").get(r.nextInt(4))
                            + "\",\"daysSinceLastCase\":" + r.nextInt(0, 15);
                }
            };
            String level = levels[r.nextInt(levels.length)];
            LocalDate asOf = LocalDate.of(2026, 1, 1).plusDays(r.nextInt(365));
            list.add("{\"eventType\":\"" + event + "\",\"region\":{\"code\":\"330106\",\"name\":\"杭州市西湖区\","
                    + "\"level\":\"" + level + "\"},\"asOf\":\"" + asOf + "\",\"indicators\":{" + indicators + "}}");
        }
        return list;
    }

    private static String decimal(SplittableRandom r, int from, int to) {
        return java.math.BigDecimal.valueOf(r.nextInt(from * 10, to * 10), 1).toPlainString();
    }

    /** The answer without what differs on every call (evaluation and batch ids, durations). */
    static String stable(String json) {
        Matcher m = VOLATILE.matcher(json);
        return m.replaceAll("");
    }

    private static String post(HttpClient http, String url, String auth, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /**
     * The build's command line. {@code BeaconCommand.run(String...)} called in this JVM prints what {@code java -jar
     * beacon-cli.jar} prints (its {@code main} only adds {@code System.exit}), without a JVM start and a cold compiler
     * per answer; a build without that method (or {@code -Dbeacon.cli.fork=true}) gets one JVM per run.
     */
    static final class CommandLine {
        private final Path jar;
        private final ClassLoader loader;
        private final Constructor<?> command;
        private final Method run;

        private CommandLine(Path jar, ClassLoader loader, Constructor<?> command, Method run) {
            this.jar = jar;
            this.loader = loader;
            this.command = command;
            this.run = run;
        }

        static CommandLine of(Path jar, boolean fork) throws IOException {
            if (!fork) {
                // the jar's manifest Class-Path brings its lib/ folder, as with java -jar
                URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                        ClassLoader.getPlatformClassLoader());
                try {
                    Class<?> type = loader.loadClass("org.beacon.cli.BeaconCommand");
                    Constructor<?> command = type.getDeclaredConstructor(PrintStream.class, PrintStream.class);
                    Method run = type.getDeclaredMethod("run", String[].class);
                    command.setAccessible(true);
                    run.setAccessible(true);
                    return new CommandLine(jar, loader, command, run);
                } catch (ReflectiveOperationException e) {
                    loader.close();
                }
            }
            return new CommandLine(jar, null, null, null);
        }

        String run(List<String> args) throws Exception {
            int exit;
            String output;
            if (run == null) {
                List<String> command = new ArrayList<>(List.of("java", "-jar", jar.toString()));
                command.addAll(args);
                Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                exit = p.waitFor();
            } else {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                Thread thread = Thread.currentThread();
                ClassLoader previous = thread.getContextClassLoader();
                thread.setContextClassLoader(loader); // Drools finds its services through it
                try {
                    Object beacon = command.newInstance(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                            new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
                    exit = (int) run.invoke(beacon, (Object) args.toArray(String[]::new));
                } finally {
                    thread.setContextClassLoader(previous);
                }
                output = bytes.toString(StandardCharsets.UTF_8);
            }
            if (exit != 0 && exit != 1) {
                throw new IllegalStateException("beacon " + String.join(" ", args) + " exited with " + exit);
            }
            return output;
        }

        @Override
        public String toString() {
            return run == null ? "one JVM per run" : "in one JVM";
        }
    }

    private static void waitUntilUp(HttpClient http, String base) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service did not start within 10 minutes");
    }
}
