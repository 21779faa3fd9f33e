package org.beacon.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Server time of every console page, as a signed-in admin's browser asks for it: starts
 * {@code service/target/beacon.jar} on a free localhost port with a fresh H2 database, stores a draft {@code v2} that
 * is the bundled tables plus a 2,000-row sheet ({@code Notes}, eight columns) in {@code national-grading.xlsx}, signs
 * in through the sign-in form (session cookie, CSRF token) and asks for each page in turn, one request at a time,
 * after a warm-up. Prints p50, p95 and the maximum per page and, as the baseline measured in the same run, the ratio
 * of each p95 to the sign-in page's (the cheapest page the console renders: a template, no rule set, no database).
 *
 * <p>One client on localhost, sequential requests: the time measured is the service's (rendering, rule-set work,
 * database), the loopback adds tens of microseconds. The Notes sheet is ballast, not a table, so the version compiles
 * as the bundled one does; its grid is paged by 200 rows, and the pages asked for are the first, one in the middle
 * (opened at a cell) and the last. A replay of 3 regions × 180 days with actual decisions, run over the API first,
 * gives the replay pages theirs (issue 24).
 *
 *   ./mvnw -q package -DskipTests && java -cp benchmarks/target/benchmarks.jar \
 *       org.beacon.benchmarks.ConsolePageBenchmark [requests-per-page]
 *
 * -Dbeacon.jar=path runs another build of the service; -Dservice.args="--name=value …" passes it settings. Traffic
 * goes only to 127.0.0.1.
 */
public final class ConsolePageBenchmark {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final int NOTES_ROWS = 2000;

    private ConsolePageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String serviceArgs = System.getProperty("service.args", "");
        List<String> options = serviceArgs.isBlank() ? List.of() : List.of(serviceArgs.trim().split("\\s+"));
        try (ServiceProcess service = ServiceProcess.start("beacon-pages-", options)) {
            int port = service.port();
            String password = service.password();
            Browser browser = new Browser("http://127.0.0.1:" + port);
            Browser anonymous = new Browser("http://127.0.0.1:" + port);
            browser.waitUntilUp();
            String draft = browser.storeDraftWithNotes(password);
            String evaluation = browser.decideOnce(password);
            String replay = browser.replayThreeRegions(password);
            browser.signIn("admin", password);

            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("home", "/console");
            pages.put("rule sets", "/console/rule-sets");
            pages.put("version v1 (in force)", "/console/rule-sets/v1");
            pages.put("version " + draft + " (diff against v1)", "/console/rule-sets/" + draft);
            pages.put("grid at Cholera!R10", "/console/rule-sets/v1/cells/Cholera!R10");
            pages.put("Notes grid, rows 1–200 of 2,000", "/console/rule-sets/" + draft + "/cells/Notes!A1");
            pages.put("Notes grid at Notes!C1001", "/console/rule-sets/" + draft + "/cells/Notes!C1001");
            pages.put("Notes grid, rows 1,801–2,000", "/console/rule-sets/" + draft + "/cells/Notes!H2000");
            pages.put("upload and check (form)", "/console/rule-sets/check");
            pages.put("try a decision (form)", "/console/decisions");
            pages.put("one decision", "/console/decisions/" + evaluation);
            pages.put("one decision, print", "/console/decisions/" + evaluation + "/print");
            pages.put("activate " + draft + " (confirmation)", "/console/rule-sets/" + draft + "/activation");
            pages.put("roll back v1 (confirmation)", "/console/rule-sets/v1/rollback");
            pages.put("users", "/console/users");
            pages.put("replays (list and form)", "/console/replays");
            pages.put("replay of 3 regions × 180 days (first region)", "/console/replays/" + replay);
            pages.put("replay of 3 regions × 180 days (third region)", "/console/replays/" + replay
                    + "?region=910002");
            pages.put("replay, its progress part once done", "/console/replays/" + replay + "/progress");

            int warmUp = Math.max(20, requests / 10);
            anonymous.time("/console/sign-in", warmUp);
            for (String path : pages.values()) {
                browser.time(path, warmUp);
            }
            List<String[]> rows = new ArrayList<>();
            long[] signIn = anonymous.time("/console/sign-in", requests);
            double baseline = percentile(signIn, 0.95);
            rows.add(new String[] {"sign-in page, not signed in (baseline)", ms(percentile(signIn, 0.50)),
                    ms(baseline), ms(signIn[signIn.length - 1]), "1.0×"});
            for (Map.Entry<String, String> page : pages.entrySet()) {
                long[] nanos = browser.time(page.getValue(), requests);
                double p95 = percentile(nanos, 0.95);
                rows.add(new String[] {page.getKey(), ms(percentile(nanos, 0.50)), ms(p95), ms(nanos[nanos.length - 1]),
                        String.format(Locale.ROOT, "%.1f×", p95 / baseline)});
            }
            long[] decide = browser.timeDecisionPosts(requests / 4);
            rows.add(new String[] {"try a decision (form sent, answer page)", ms(percentile(decide, 0.50)),
                    ms(percentile(decide, 0.95)), ms(decide[decide.length - 1]),
                    String.format(Locale.ROOT, "%.1f×", percentile(decide, 0.95) / baseline)});

            System.out.printf(Locale.ROOT, "%d requests per page after %d warm-up, one at a time, %s%n%n", requests,
                    warmUp, System.getProperty("beacon.jar", "service/target/beacon.jar"));
            System.out.println("| page | p50 ms | p95 ms | max ms | p95 / sign-in p95 |");
            System.out.println("|---|---:|---:|---:|---:|");
            for (String[] row : rows) {
                System.out.println("| " + String.join(" | ", row) + " |");
            }
        }
    }

    static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static String ms(double nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    /** A signed-in browser: one cookie jar, the CSRF token of the last form it read. Also AuditPageBenchmark's. */
    static final class Browser {

        private final String base;
        private final HttpClient http;

        Browser(String base) {
            this.base = base;
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        }

        String base() {
            return base;
        }

        void waitUntilUp() throws InterruptedException {
            // -Dbeacon.start-minutes: a first start compiles the bundled tables, slow on a loaded machine
            long minutes = Long.getLong("beacon.start-minutes", 3);
            long deadline = System.nanoTime() + Duration.ofMinutes(minutes).toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    if (get("/actuator/health").statusCode() == 200) {
                        return;
                    }
                } catch (UncheckedIOException e) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException("the service did not start in " + minutes + " minutes");
        }

        /** Uploads national-grading.xlsx with a 2,000-row Notes sheet as a draft over the bundled tables. */
        String storeDraftWithNotes(String adminPassword) {
            String boundary = "----beacon" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            part(body, boundary, "Content-Disposition: form-data; name=\"comment\"\r\n\r\n",
                    "a 2,000-row Notes sheet".getBytes(StandardCharsets.UTF_8));
            part(body, boundary, "Content-Disposition: form-data; name=\"files\"; filename=\"national-grading.xlsx\""
                    + "\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n",
                    gradingWithNotes());
            body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> stored = send(HttpRequest.newBuilder(URI.create(base + "/rule-sets"))
                    .header("Authorization", basic(adminPassword))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
            return field(stored, "id", 201);
        }

        String decideOnce(String adminPassword) throws IOException {
            String situation = Files.readString(Path.of("examples/requests/cholera-county-12.json"));
            HttpResponse<String> decided = send(HttpRequest.newBuilder(URI.create(base + "/evaluations"))
                    .header("Authorization", basic(adminPassword)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(situation)).build());
            return field(decided, "evaluationId", 200);
        }

        /**
         * Replays a timeline of 3 regions × 180 days (a rising total; two actual decisions per region) over the API
         * and waits for it to be done: the replay pages' case of issue 24.
         */
        String replayThreeRegions(String adminPassword) throws InterruptedException {
            StringBuilder timeline = new StringBuilder("date,region,regionName,level,eventType,cumulativeConfirmed\r\n");
            StringBuilder actual = new StringBuilder("region,date,level\r\n");
            for (int r = 0; r < 3; r++) {
                for (int d = 0; d < 180; d++) {
                    timeline.append(java.time.LocalDate.of(2020, 1, 1).plusDays(d)).append(',').append(910000 + r)
                            .append(",区域 ").append(r).append(",province,covid19,")
                            .append(d < 90 ? d * d * (r + 1) : 8100 * (r + 1)).append("\r\n");
                }
                actual.append(910000 + r).append(",2020-01-2").append(r).append(",II\r\n");
                actual.append(910000 + r).append(",2020-05-0").append(r + 1).append(",IV\r\n");
            }
            String boundary = "----beacon" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            part(body, boundary, "Content-Disposition: form-data; name=\"timeline\"; filename=\"three.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n", timeline.toString().getBytes(StandardCharsets.UTF_8));
            part(body, boundary, "Content-Disposition: form-data; name=\"actual\"; filename=\"actual.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n", actual.toString().getBytes(StandardCharsets.UTF_8));
            body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> accepted = send(HttpRequest.newBuilder(URI.create(base + "/replays"))
                    .header("Authorization", basic(adminPassword))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
            String id = field(accepted, "id", 202);
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() < deadline) {
                HttpResponse<String> run = send(HttpRequest.newBuilder(URI.create(base + "/replays/" + id))
                        .header("Authorization", basic(adminPassword)).GET().build());
                if (run.body().contains("\"status\":\"done\"")) {
                    return id;
                }
                if (run.body().contains("\"status\":\"failed\"")) {
                    throw new IllegalStateException("the replay failed: " + run.body());
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("the replay did not end in 3 minutes");
        }

        void signIn(String username, String password) {
            String token = token("/console/sign-in");
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + "/console/sign-in"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password="
                            + encode(password) + "&_csrf=" + encode(token))).build());
            if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("sign-in failed: " + answer.statusCode() + " " + answer.headers());
            }
        }

        /** Asks for the page {@code times} times; the durations sorted, each checked to be the page (200). */
        long[] time(String path, int times) {
            long[] nanos = new long[times];
            for (int i = 0; i < times; i++) {
                long start = System.nanoTime();
                HttpResponse<String> page = get(path);
                nanos[i] = System.nanoTime() - start;
                if (page.statusCode() != 200) {
                    throw new IllegalStateException(path + " answered " + page.statusCode());
                }
            }
            Arrays.sort(nanos);
            return nanos;
        }

        /** The decision form sent with the cholera example as JSON, answered by a redirect to the decision's page. */
        long[] timeDecisionPosts(int times) throws IOException {
            String situation = Files.readString(Path.of("examples/requests/cholera-county-12.json"));
            String token = token("/console/decisions");
            long[] nanos = new long[times];
            for (int i = 0; i < times; i++) {
                long start = System.nanoTime();
                HttpResponse<String> sent = send(HttpRequest.newBuilder(URI.create(base + "/console/decisions"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("mode=json&situation=" + encode(situation)
                                + "&_csrf=" + encode(token))).build());
                String location = sent.headers().firstValue("Location").orElseThrow(() ->
                        new IllegalStateException("the decision form answered " + sent.statusCode()));
                HttpResponse<String> page = get(URI.create(base).resolve(location).getRawPath());
                nanos[i] = System.nanoTime() - start;
                if (page.statusCode() != 200) {
                    throw new IllegalStateException(location + " answered " + page.statusCode());
                }
            }
            Arrays.sort(nanos);
            return nanos;
        }

        private String token(String path) {
            Matcher m = FORM_TOKEN.matcher(get(path).body());
            if (!m.find()) {
                throw new IllegalStateException(path + " has no CSRF token");
            }
            return m.group(1);
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
        }

        HttpResponse<String> send(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String field(HttpResponse<String> answer, String name, int status) {
            Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
            if (answer.statusCode() != status || !m.find()) {
                throw new IllegalStateException("expected " + status + " with " + name + ", got "
                        + answer.statusCode() + ": " + answer.body());
            }
            return m.group(1);
        }

        static String basic(String adminPassword) {
            return "Basic " + Base64.getEncoder().encodeToString(("admin:" + adminPassword)
                    .getBytes(StandardCharsets.UTF_8));
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }

        private static void part(ByteArrayOutputStream body, String boundary, String headers, byte[] content) {
            body.writeBytes(("--" + boundary + "\r\n" + headers).getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The bundled national-grading.xlsx with a Notes sheet of 2,000 rows and eight columns of text and numbers. */
    private static byte[] gradingWithNotes() {
        try (InputStream in = Files.newInputStream(Path.of("tables/national-grading.xlsx"));
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            XSSFSheet notes = workbook.createSheet("Notes");
            for (int r = 0; r < NOTES_ROWS; r++) {
                XSSFRow row = notes.createRow(r);
                row.createCell(0).setCellValue(r == 0 ? "Notes 说明" : "note " + r);
                for (int c = 1; c < 8; c++) {
                    if (c % 2 == 0) {
                        row.createCell(c).setCellValue(r * 10 + c);
                    } else {
                        row.createCell(c).setCellValue("第" + r + "行 column " + c);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
