package org.beacon.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The packaged service ({@code service/target/beacon.jar}, or {@code -Dbeacon.jar=…}) started for a benchmark on a
 * free port of 127.0.0.1, with a fresh data folder, a known first-admin password and warnings only in its log
 * ({@code service.log} in the data folder). Closing it stops the process.
 *
 * @param port where it listens
 * @param data its data folder
 * @param password the first admin's password
 */
record ServiceProcess(Process process, int port, Path data, String password) implements AutoCloseable {

    /**
     * @param folderPrefix name of the temporary data folder
     * @param options more of the service's options, e.g. {@code --beacon.replays.concurrent-runs=1}
     */
    static ServiceProcess start(String folderPrefix, List<String> options) throws IOException {
        Path jar = Path.of(System.getProperty("beacon.jar", "service/target/beacon.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build first: ./mvnw -q package -DskipTests");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path data = Files.createTempDirectory(folderPrefix);
        String password = "bench-" + UUID.randomUUID();
        List<String> command = new ArrayList<>(List.of("java", "-jar", jar.toString(), "--server.port=" + port,
                "--server.address=127.0.0.1", "--beacon.data-dir=" + data,
                "--beacon.security.initial-admin-password=" + password, "--logging.level.root=WARN"));
        command.addAll(options);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolve("service.log").toFile()).start();
        return new ServiceProcess(process, port, data, password);
    }

    /** {@code http://127.0.0.1:<port>} */
    String base() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
