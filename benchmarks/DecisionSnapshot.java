import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
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
 * Uses only the command line and the HTTP API, so it runs unchanged on builds whose internals differ.
 *
 *   ./mvnw -q package -DskipTests && java benchmarks/DecisionSnapshot.java snapshot-dir
 *
 * -Dbeacon.jar and -Dbeacon.cli name other builds (e.g. a worktree of the commit before a change).
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
        for (Path example : examples) {
            Files.writeString(out.resolve("cli").resolve(example.getFileName()),
                    run(List.of("java", "-jar", cli.toString(), "evaluate", "tables/", example.toString(), "--json")));
        }
        replay(cli, out, "covid-canghailan", "examples/timelines/covid-2020-zhejiang-hubei-guangdong.csv",
                "--source", "canghailan", "--actual", "examples/timelines/covid-2020-response-levels.csv");
        replay(cli, out, "covid-jhu-compare", "examples/timelines/covid-2020-zhejiang-hubei-guangdong.csv",
                "--source", "jhu", "--compare", "tables/", "--actual",
                "examples/timelines/covid-2020-response-levels.csv");
        replay(cli, out, "dengue-monthly", "examples/timelines/dengue-guangdong-monthly-2004-2020.csv",
                "--step", "month", "--missing-days", "zero-fill");

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
            waitUntilUp(http, base);
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
        } finally {
            service.destroy();
            service.waitFor();
        }
        System.out.println("snapshot written to " + out + " (" + examples.size() + " examples, 3 replays, " + VARIED
                + " situations)");
    }

    private static void replay(Path cli, Path out, String name, String timeline, String... options)
            throws Exception {
        Path dir = out.resolve("replays").resolve(name);
        List<String> command = new ArrayList<>(List.of("java", "-jar", cli.toString(), "replay", "tables/", timeline));
        command.addAll(List.of(options));
        command.addAll(List.of("--out", dir.toString()));
        run(command);
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

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        if (exit != 0 && exit != 1) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
        }
        return output;
    }

    private static void waitUntilUp(HttpClient http, String base) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
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
        throw new IllegalStateException("the service did not start within 3 minutes");
    }
}
