package org.beacon.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's heap during a calibration over HTTP (issue 21): starts {@code service/target/beacon.jar} on a free
 * localhost port with a fresh H2 database, samples the used heap ({@code jvm_memory_used_bytes{area="heap"}} of
 * {@code /actuator/prometheus}, summed over the pools) 20 times before, the baseline (their median), then every
 * 100 ms while a calibration of the COVID-19 2020 example with two Parameters runs ({@code POST /calibrations}); prints
 * the peak against the baseline. Evaluation latency while impact runs go is {@code java benchmarks/HttpBenchmark.java
 * impact}.
 *
 *   ./mvnw -q -pl service -am package -DskipTests && ./mvnw -q -pl benchmarks -am package -DskipTests
 *   java -cp benchmarks/target/benchmarks.jar org.beacon.benchmarks.CalibrationHeap [values-per-parameter]
 *
 * -Dbeacon.jar=path runs another build. Traffic goes only to 127.0.0.1.
 */
public final class CalibrationHeap {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([a-z]+)\"");
    private static final Pattern HEAP = Pattern.compile(
            "(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\}\\s+([0-9.eE+]+)");

    private final String base;
    private final String auth;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private CalibrationHeap(String base, String password) {
        this.base = base;
        this.auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        int values = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        try (ServiceProcess service = ServiceProcess.start("beacon-calibration-heap-", List.of())) {
            CalibrationHeap b = new CalibrationHeap(service.base(), service.password());
            b.waitUntilUp();
            System.out.printf(Locale.ROOT, "%d processors as Java sees them, Java %s, service with its default "
                    + "heap; the machine is shared with other builds%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            b.calibrationHeap(values);
        }
    }

    private void waitUntilUp() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (send(get("/actuator/health")).statusCode() == 200) {
                    return;
                }
            } catch (UncheckedIOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service did not start in 6 minutes");
    }

    private void calibrationHeap(int values) throws InterruptedException {
        List<Double> before = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            before.add(heap());
            Thread.sleep(100);
        }
        before.sort(null);
        String boundary = "----beacon" + UUID.randomUUID();
        StringBuilder form = new StringBuilder();
        for (String[] f : new String[][] {{"example", "covid-2020-zhejiang-hubei-guangdong.csv"},
                {"source", "canghailan"}, {"actualExample", "covid-2020-response-levels.csv"},
                {"vary", "stepDown_minDays=14.." + (14 + 7 * (values - 1)) + ":7"},
                {"vary", "covid_I_newCases7d=50.." + (50 + 25 * (values - 1)) + ":25"}}) {
            form.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(f[0])
                    .append("\"\r\n\r\n").append(f[1]).append("\r\n");
        }
        form.append("--").append(boundary).append("--\r\n");
        long started = System.nanoTime();
        HttpResponse<String> r = send(post("/calibrations", "multipart/form-data; boundary=" + boundary,
                form.toString()));
        if (r.statusCode() != 202) {
            throw new IllegalStateException("the calibration answered " + r.statusCode() + ": " + r.body());
        }
        String id = match(ID, r.body());
        double peak = 0;
        String status = "queued";
        while (!status.equals("done") && !status.equals("failed")) {
            peak = Math.max(peak, heap());
            Thread.sleep(100);
            status = match(STATUS, send(get("/calibrations/" + id)).body());
        }
        double baseline = before.get(before.size() / 2);
        System.out.printf(Locale.ROOT, "calibration of the COVID-19 example, 2 parameters × %d values (%d combinations"
                + " + today's): %s in %.1f s; used heap before %.0f MB (median of 20 samples), peak during %.0f MB "
                + "(every 100 ms): +%.0f MB, ×%.2f%n", values, values * values, status, (System.nanoTime() - started) / 1e9, baseline / 1e6,
                peak / 1e6, (peak - baseline) / 1e6, peak / baseline);
    }

    private double heap() {
        Matcher m = HEAP.matcher(send(get("/actuator/prometheus")).body());
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }

    private static String match(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException(p + " not in " + text.substring(0, Math.min(300, text.length())));
        }
        return m.group(1);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth).GET().build();
    }

    private HttpRequest post(String path, String type, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
