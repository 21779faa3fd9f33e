package org.beacon.benchmarks;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server time of the audit pages (issue 24) over an audit trail of a million rows. Starts
 * {@code service/target/beacon.jar} on a fresh H2 database, decides a few real situations through the API (cholera in
 * two regions at different grades, the five-county risk map), stops it, and copies those rows in SQL
 * ({@code INSERT … SELECT … FROM SYSTEM_RANGE}) until the table holds {@code rows} rows: 3,000 region codes (6-digit,
 * 150 prefectures), spread evenly over the last 365 days, each copy keeping its template's grade, colour, version,
 * caller and stored decision. Then starts the service again on that database, signs in and asks for each page in
 * turn, one request at a time, after a warm-up; prints p50, p95 and the maximum per page and each p95 against the
 * sign-in page's, the baseline measured in the same run.
 *
 *   ./mvnw -q package -DskipTests && java -cp benchmarks/target/benchmarks.jar \
 *       org.beacon.benchmarks.AuditPageBenchmark [rows] [requests-per-page]
 *
 * A copied row's decision (the page of one decision) is its template's: the region in its answer is the template's.
 */
public final class AuditPageBenchmark {

    private static final long CHUNK = 50_000;
    private static final Pattern OLDER = Pattern.compile("id=\"older\"\\s+href=\"([^\"]+)\"");
    private static final Pattern OPEN = Pattern.compile("class=\"audit-open\" href=\"/console/audit/([0-9a-f-]{36})\"");

    private AuditPageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Path jar = Path.of(System.getProperty("beacon.jar", "service/target/beacon.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build first: ./mvnw -q package -DskipTests");
        }
        String reuse = System.getProperty("beacon.audit-data", "");
        Path data = reuse.isBlank() ? Files.createTempDirectory("beacon-audit-") : Path.of(reuse);
        String password = System.getProperty("beacon.audit-password", "bench-" + UUID.randomUUID());
        int port = freePort();
        if (reuse.isBlank()) {
            System.out.println("database: " + data + ", admin password: " + password);
            fillOnce(jar, data, port, password, rows);
        }
        port = freePort();
        Process service = start(jar, data, port, password);
        try {
            ConsolePageBenchmark.Browser browser = new ConsolePageBenchmark.Browser("http://127.0.0.1:" + port);
            ConsolePageBenchmark.Browser anonymous = new ConsolePageBenchmark.Browser("http://127.0.0.1:" + port);
            browser.waitUntilUp();
            browser.signIn("admin", password);
            String first = browser.get("/console/audit").body();
            Matcher older = OLDER.matcher(first);
            Matcher open = OPEN.matcher(first);
            if (!older.find() || !open.find()) {
                throw new IllegalStateException("the audit trail's first page has no older link or no decision");
            }
            String decision = open.group(1);
            String day = java.time.LocalDate.now().minusDays(100).toString();

            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("home (today's picture, close to escalation)", "/console");
            pages.put("audit trail, newest 50", "/console/audit");
            pages.put("audit trail, the next 50 (by key)", older.group(1).replace("&amp;", "&"));
            pages.put("filter: region", "/console/audit?region=331234");
            pages.put("filter: event type", "/console/audit?eventType=covid19");
            pages.put("filter: grade Ⅰ (rare)", "/console/audit?grade=I");
            pages.put("filter: grade Ⅲ", "/console/audit?grade=III");
            pages.put("filter: colour red", "/console/audit?colour=red");
            pages.put("filter: version", "/console/audit?ruleSet=v1");
            pages.put("filter: caller", "/console/audit?caller=admin");
            pages.put("filter: one day, 100 days ago", "/console/audit?from=" + day + "&to=" + day);
            pages.put("filter: region + grade + date range", "/console/audit?region=331234&grade=III&from="
                    + java.time.LocalDate.now().minusDays(300) + "&to=" + day);
            pages.put("one decision", "/console/audit/" + decision);
            pages.put("one decision with margins", "/console/audit/" + decision + "?margins");
            pages.put("region timeline (newest 400 of ~333)", "/console/audit/regions/331234");
            pages.put("CSV of one region (~333 rows, whole download)", "/console/audit.csv?region=331234");
            pages.put("risk map form", "/console/risk-map");
            // -Dbeacon.pages=risk-map: the sign-in baseline and the latest-decisions map only, each asked for
            // requests-per-page times, to compare jars on one database in one sitting
            boolean riskMapOnly = "risk-map".equals(System.getProperty("beacon.pages", ""));
            if (riskMapOnly) {
                pages.clear();
            }

            int warmUp = Math.max(20, requests / 10);
            anonymous.time("/console/sign-in", warmUp);
            for (String path : pages.values()) {
                browser.time(path, warmUp);
            }
            List<String[]> table = new ArrayList<>();
            long[] signIn = anonymous.time("/console/sign-in", requests);
            double baseline = ConsolePageBenchmark.percentile(signIn, 0.95);
            table.add(row("sign-in page, not signed in (baseline)", signIn, baseline));
            for (Map.Entry<String, String> page : pages.entrySet()) {
                table.add(row(page.getKey(), browser.time(page.getValue(), requests), baseline));
            }
            int latestRequests = riskMapOnly ? requests : Math.max(5, requests / 10);
            if (riskMapOnly) {
                browser.time("/console/risk-map?latest=covid19", warmUp);
            }
            long[] latest = browser.time("/console/risk-map?latest=covid19", latestRequests);
            table.add(row("risk map of the week's latest decisions (" + latestRequests + " requests)", latest,
                    baseline));
            // what the map showed, to see that two jars compared on one database draw the same map
            String map = browser.get("/console/risk-map?latest=covid19").body();
            StringBuilder drawn = new StringBuilder();
            for (String colour : new String[] {"red", "orange", "yellow", "blue", "green"}) {
                drawn.append(' ').append(colour).append(' ')
                        .append(Pattern.compile("class=\"tile tile-" + colour + "\"").matcher(map).results().count());
            }
            System.out.println("latest map tiles:" + drawn + "; answering rows shown "
                    + Pattern.compile("class=\"cell-ref\"").matcher(map).results().count());
            System.out.printf(Locale.ROOT, "%,d audit rows; %d requests per page after %d warm-up, one at a time%n%n",
                    rows, requests, warmUp);
            System.out.println("| page | p50 ms | p95 ms | max ms | p95 / sign-in p95 |");
            System.out.println("|---|---:|---:|---:|---:|");
            for (String[] r : table) {
                System.out.println("| " + String.join(" | ", r) + " |");
            }
        } finally {
            service.destroy();
            service.waitFor();
        }
    }

    /** Decides the templates with a first service on a fresh database, stops it, and copies them to {@code rows}. */
    private static void fillOnce(Path jar, Path data, int port, String password, long rows) throws Exception {
        Process service = start(jar, data, port, password);
        try {
            ConsolePageBenchmark.Browser api = new ConsolePageBenchmark.Browser("http://127.0.0.1:" + port);
            api.waitUntilUp();
            for (int cases : new int[] {3, 12, 27, 40}) {
                for (String region : new String[] {"330106", "420102"}) {
                    post(api, password, "/evaluations", Files.readString(Path.of("examples/requests/cholera-county-12.json"))
                            .replace("\"cases\":12", "\"cases\":" + cases).replace("330106", region));
                }
            }
            post(api, password, "/risk-map", Files.readString(Path.of("examples/risk-map/five-counties.json")));
        } finally {
            service.destroy();
            service.waitFor();
        }
        long fill = System.nanoTime();
        fill(data, rows);
        System.out.printf(Locale.ROOT, "filled %,d rows in %.0f s%n", rows, (System.nanoTime() - fill) / 1e9);

    }

    private static String[] row(String name, long[] nanos, double baseline) {
        double p95 = ConsolePageBenchmark.percentile(nanos, 0.95);
        return new String[] {name, ConsolePageBenchmark.ms(ConsolePageBenchmark.percentile(nanos, 0.50)),
            ConsolePageBenchmark.ms(p95), ConsolePageBenchmark.ms(nanos[nanos.length - 1]),
            String.format(Locale.ROOT, "%.1f×", p95 / baseline)};
    }

    /**
     * Copies the rows the service stored until the table holds {@code rows}: one INSERT … SELECT, the templates
     * chosen round-robin, 3,000 regions, evaluated_at spread over the last 365 days.
     */
    private static void fill(Path data, long rows) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("beacon"), "sa", "");
                Statement sql = db.createStatement()) {
            sql.execute("create table template as select row_number() over (order by evaluated_at) - 1 as n, *"
                    + " from evaluation");
            long templates;
            try (ResultSet r = sql.executeQuery("select count(*) from template")) {
                r.next();
                templates = r.getLong(1);
            }
            long copies = rows - templates;
            // the risk-map columns (V11) when the jar that decided the templates has them: a jar before V11 leaves
            // them out, and a jar after it reads rows without them from their stored answers
            String riskColumns = "";
            try (ResultSet r = sql.executeQuery("select count(*) from information_schema.columns"
                    + " where lower(table_name) = 'evaluation' and lower(column_name) = 'area_risk_rules'")) {
                r.next();
                if (r.getLong(1) > 0) {
                    riskColumns = ", area_risk, area_risk_rules";
                }
            }
            // in chunks, each its own transaction: one statement of a million rows keeps H2's undo log of all of them
            db.setAutoCommit(true);
            for (long from = 1; from <= copies; from += CHUNK) {
                long to = Math.min(copies, from + CHUNK - 1);
                sql.execute("insert into evaluation (id, evaluated_at, caller, rule_set_id, rule_set_hash, event_type,"
                        + " region_code, region_name, region_level, as_of, grade, warning_colour, no_match,"
                        + " fired_rules, batch_id, batch_index, decision_json, decision_deflated, signals_deflated"
                        + riskColumns + ")"
                        + " select random_uuid(), dateadd(second, -cast(x * 31536000 / " + copies + " as int),"
                        + " current_timestamp), t.caller, t.rule_set_id, t.rule_set_hash, t.event_type,"
                        + " '33' || lpad(cast(mod(x, 3000) as varchar), 4, '0'), t.region_name, t.region_level,"
                        + " t.as_of, t.grade, t.warning_colour, t.no_match, t.fired_rules, null, null,"
                        + " t.decision_json, t.decision_deflated, t.signals_deflated" + riskColumns.replace(", ", ", t.")
                        + " from system_range(" + from + ", " + to + ") join template t on t.n = mod(x, " + templates
                        + ")");
            }
            sql.execute("drop table template");
            sql.execute("analyze");
        }
    }

    private static Process start(Path jar, Path data, int port, String password) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-jar", jar.toString(), "--server.port=" + port,
                "--server.address=127.0.0.1", "--beacon.data-dir=" + data,
                "--beacon.security.initial-admin-password=" + password, "--logging.level.root=WARN"));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("service.log").toFile())).start();
    }

    private static void post(ConsolePageBenchmark.Browser api, String password, String path, String json) {
        HttpResponse<String> answer = api.send(HttpRequest.newBuilder(URI.create(api.base() + path))
                .header("Authorization", ConsolePageBenchmark.Browser.basic(password))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
