package org.beacon.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service in a child JVM of its own, for crash tests: only a real process can be killed with SIGKILL, which
 * runs no shutdown hook, closes no database and flushes nothing. Started with {@link TestApps#arguments} on a port
 * of its own choosing (read back from its log), listening on 127.0.0.1 only; its output goes to a log file.
 */
public final class ChildService implements AutoCloseable {

    /**
     * How long a crash test waits for its child to start, or to reach a point it waits for (a fault injection's
     * pause): a guard against a child that hangs, never a timing. Generous because a child started on a loaded
     * machine (load 30 on 2 cores) can take minutes to start; a healthy child ends the wait as soon as it gets there.
     */
    public static final Duration PATIENCE = Duration.ofMinutes(5);

    /** Exit status of a JVM killed by SIGKILL (128 + 9). */
    public static final int KILLED = 137;

    private static final Pattern STARTED = Pattern.compile("started on port (\\d+)");

    /** A condition a test waits for; may throw while it is not yet true. */
    public interface Check {
        boolean ok() throws Exception;
    }

    private final Process process;
    private final Path log;
    private final int port;

    private ChildService(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the service with these arguments, writing its output to {@code log}, and waits until it is up. */
    public static ChildService start(Path log, String... args) throws Exception {
        return start(log, List.of(), args);
    }

    /** The same, with options for the child's JVM ({@code -Xmx1g}, …) before its class path. */
    public static ChildService start(Path log, List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BeaconApplication.class.getName()));
        command.addAll(TestApps.arguments(args));
        command.add("--server.address=127.0.0.1");
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            int[] port = {0};
            waitUntil(() -> {
                if (!process.isAlive()) {
                    throw new AssertionError("the child service stopped during start-up:\n" + Files.readString(log));
                }
                Matcher m = STARTED.matcher(Files.readString(log));
                if (m.find()) {
                    port[0] = Integer.parseInt(m.group(1));
                }
                return port[0] != 0 && new Http(port[0]).get("/actuator/health").status() == 200;
            }, PATIENCE, "the child service to start (log: " + log + ")");
            return new ChildService(process, log, port[0]);
        } catch (Exception | AssertionError e) {
            process.destroyForcibly().waitFor();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    /** The child, signed in as the first admin. */
    public Http http() {
        return new Http(port, TestApps.ADMIN);
    }

    /** Waits until the child's log has this text. */
    public void awaitLog(String text, Duration timeout) throws Exception {
        waitUntil(() -> log().contains(text), timeout, "'" + text + "' in " + log);
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until the child ends by itself and returns its exit status.
     *
     * @throws AssertionError when it is still running after {@code timeout}
     */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the child service still runs after " + timeout + " (log: " + log + ")");
        }
        return process.exitValue();
    }

    /** Kills the child with SIGKILL (on Linux) and returns its exit status once it is gone. */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /**
     * Polls {@code check} every 100 ms until it holds; an exception from it counts as "not yet".
     *
     * @throws AssertionError naming {@code what} when it does not hold within {@code timeout}
     */
    public static void waitUntil(Check check, Duration timeout, String what) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (check.ok()) {
                    return;
                }
            } catch (AssertionError e) {
                throw e;
            } catch (Exception e) {
                if (System.nanoTime() > end) {
                    throw new AssertionError("timed out waiting for " + what, e);
                }
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
