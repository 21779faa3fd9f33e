package org.beacon.service.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.beacon.rules.Workbooks;
import org.beacon.service.ChildService;
import org.beacon.service.Http;

/**
 * The packaged service, {@code target/beacon.jar} as {@code ./mvnw package} builds it, started as a child process the
 * way a person starts it ({@code java -jar}), with a data folder of its own, the bundled tables, a known first-admin
 * password and a port of its own choosing on 127.0.0.1; ready once {@code /actuator/health} answers. Its output goes
 * to {@code target/browser-tests/<name>.log}. Public for the tests of other packages that need the jar as shipped
 * (the documentation's commands).
 */
public final class PackagedBeacon implements AutoCloseable {

    private static final Pattern STARTED = Pattern.compile("started on port (\\d+)");

    private final Process process;
    private final int port;
    private final Path data;
    private final Http.Credentials admin;
    private final Path log;

    private PackagedBeacon(Process process, int port, Path data, Http.Credentials admin, Path log) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.data = data;
        this.admin = admin;
    }

    public static PackagedBeacon start(String name) throws Exception {
        return start(name, List.of());
    }

    /** As {@link #start(String)}, with more of the service's options ({@code --beacon.replays.concurrent-runs=1}). */
    public static PackagedBeacon start(String name, List<String> options) throws Exception {
        List<String> arguments = new ArrayList<>(options);
        arguments.add("--beacon.tables-dir=" + Workbooks.root().resolve("tables"));
        return start(name, jar(), null, List.of(), arguments.toArray(String[]::new));
    }

    /**
     * The extracted layout the build prepares beside the jar ({@code target/beacon/}), started as the README starts
     * it, from the repository root with its class data sharing archive — required ({@code -Xshare:on}), so that an
     * archive the JVM cannot map fails the start instead of being silently ignored.
     */
    public static PackagedBeacon startExtracted(String name) throws Exception {
        Path root = Workbooks.root();
        Path app = root.relativize(jar().toAbsolutePath().getParent().resolve("beacon"));
        List<String> sharing = List.of("-Xshare:on", "-XX:SharedArchiveFile=" + app.resolve("beacon.jsa"));
        return start(name, app.resolve("beacon.jar"), root, sharing, "--beacon.tables-dir=tables");
    }

    /**
     * The jar as a person who copied it alone into an empty folder starts it there: {@code java -jar beacon.jar},
     * no tables folder given and none beside it.
     */
    public static PackagedBeacon startAlone(String name) throws Exception {
        Path folder = Files.createDirectories(jar().toAbsolutePath().getParent().resolve("browser-tests")
                .resolve(name + "-alone-" + UUID.randomUUID()));
        Path copy = Files.copy(jar(), folder.resolve("beacon.jar"));
        return start(name, copy, folder, List.of());
    }

    /** The packaged jar, which {@code ./mvnw verify} builds before the tests that need it run. */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("beacon.jar", "target/beacon.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: the browser tests run against the "
                    + "packaged jar (./mvnw verify builds it before they run)");
        }
        return jar;
    }

    private static PackagedBeacon start(String name, Path jar, Path workingDir, List<String> jvmOptions,
            String... arguments) throws Exception {
        Path target = jar().toAbsolutePath().getParent();
        Path data = Files.createDirectories(target.resolve("browser-tests").resolve(name + "-" + UUID.randomUUID()));
        Path log = target.resolve("browser-tests").resolve(name + ".log");
        Http.Credentials admin = new Http.Credentials("admin", "console-" + UUID.randomUUID());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m"));
        command.addAll(jvmOptions);
        // as written: a class data archive records the class path as given and is used only when it matches
        command.addAll(List.of("-jar", jar.toString(), "--server.port=0",
                "--server.address=127.0.0.1", "--beacon.data-dir=" + data,
                "--beacon.security.initial-admin-password=" + admin.password()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (workingDir != null) {
            builder.directory(workingDir.toFile());
        }
        Process process = builder.start();
        try {
            int[] port = {0};
            ChildService.waitUntil(() -> {
                if (!process.isAlive()) {
                    throw new AssertionError("beacon.jar stopped during start-up:\n" + Files.readString(log));
                }
                Matcher m = STARTED.matcher(Files.readString(log));
                if (m.find()) {
                    port[0] = Integer.parseInt(m.group(1));
                }
                return port[0] != 0 && new Http(port[0]).get("/actuator/health").status() == 200;
            }, Duration.ofMinutes(3), "beacon.jar to start (log: " + log + ")");
            return new PackagedBeacon(process, port[0], data, admin, log);
        } catch (Exception | AssertionError e) {
            process.destroyForcibly().waitFor();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    /** The address a browser opens: {@code http://127.0.0.1:<port><path>}. */
    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Its data folder (H2 database, replays). */
    public Path dataDir() {
        return data;
    }

    /** What it printed so far. */
    public String output() throws IOException {
        return Files.readString(log);
    }

    /** The first admin, whose password was given at start. */
    public Http.Credentials admin() {
        return admin;
    }

    /** The API, with HTTP Basic as the first admin. */
    public Http api() {
        return new Http(port, admin);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover folder under target/ is harmless
        }
    }
}
