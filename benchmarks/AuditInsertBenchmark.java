import com.github.luben.zstd.Zstd;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.h2.tools.RunScript;

/**
 * H2 alone storing the audit row of a single evaluation, as {@code EvaluationAudit} does: the service's table made by
 * its own migrations, the same insert statement and database URL ({@code WRITE_DELAY=0}: every commit is written to
 * the file before it returns), a decision compressed as the service compresses it. No Spring, no pool, no HTTP: a
 * bare JDBC loop on one thread, whose CPU time per row is the figure (a loaded machine slows the loop, not the CPU
 * it takes). Rows are committed in groups of 1, 2, 4 and 8, which is what the service's group commit makes of 1 to 8
 * concurrent requests, and of 500, as a batch's rows are, and on three sets of indexes: the service's (the primary key and seven on
 * {@code evaluation}), without V9's four filter indexes, and the primary key alone.
 *
 *   java -cp ~/.m2/repository/com/h2database/h2/2.4.240/h2-2.4.240.jar:\
 *   ~/.m2/repository/com/github/luben/zstd-jni/1.5.7-21/zstd-jni-1.5.7-21.jar \
 *       benchmarks/AuditInsertBenchmark.java <a decision's JSON, e.g. an answer of POST /evaluations> [rows per cell]
 *
 * Run it from the repository root (the migrations are read from service/src/main/resources/db/migration).
 */
public class AuditInsertBenchmark {

    private static final String INSERT = "insert into evaluation (id, evaluated_at, caller, rule_set_id, rule_set_hash,"
            + " event_type, region_code, region_name, region_level, as_of, grade, warning_colour, no_match,"
            + " fired_rules, batch_id, batch_index, decision_deflated, signals_deflated, area_risk, area_risk_rules)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String[] V9 = {"evaluation_grade_time", "evaluation_colour_time", "evaluation_rule_set_time",
        "evaluation_caller_time"};
    private static final String[] V1 = {"evaluation_time", "evaluation_region_time", "evaluation_event_time"};
    private static final String[] GRADES = {"I", "II", "III", "IV", null};
    private static final String[] COLOURS = {"red", "orange", "yellow", "blue", null};
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        byte[] row = Zstd.compress(Files.readAllBytes(Path.of(args[0])), 1); // DeflatedJson's codec and level
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        List<String> withoutV1AndV9 = new ArrayList<>(List.of(V9));
        withoutV1AndV9.addAll(List.of(V1));
        List<Trail> trails = List.of(new Trail("the service's: primary key + 7", List.of()),
                new Trail("without V9's 4: primary key + 3", List.of(V9)),
                new Trail("primary key only", withoutV1AndV9));
        int[] groups = {1, 2, 4, 8, 500};
        long[][][] cpu = new long[trails.size()][groups.length][ROUNDS]; // nanoseconds per row: insert + commit
        long[][][] commit = new long[trails.size()][groups.length][ROUNDS];
        Random random = new Random(25);
        try {
            for (Trail t : trails) {
                t.open(row, random, rows);
            }
            // interleaved, round after round: a load that changes during the run falls on every cell alike
            for (int round = 0; round < ROUNDS; round++) {
                for (int g = 0; g < groups.length; g++) {
                    for (int t = 0; t < trails.size(); t++) {
                        long[] spent = new long[2];
                        trails.get(t).insertRows(random, row, rows, groups[g], spent);
                        cpu[t][g][round] = (spent[0] + spent[1]) / rows;
                        commit[t][g][round] = spent[1] / rows;
                    }
                }
            }
        } finally {
            for (Trail t : trails) {
                t.close();
            }
        }
        System.out.printf("decision %s: %,d bytes stored. Median of %d interleaved rounds of %,d rows per cell, after"
                + " 20,000 rows stored and a warm-up: CPU time of the inserting thread per row, insert and commit"
                + " (of which commit)%n%n", args[0], row.length, ROUNDS, rows);
        System.out.println("| indexes on evaluation | 1 row per commit | 2 | 4 | 8 | 500 (a batch) |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (int t = 0; t < trails.size(); t++) {
            StringBuilder line = new StringBuilder("| " + trails.get(t).label + " |");
            for (int g = 0; g < groups.length; g++) {
                line.append(String.format(" %.0f µs (%.0f) |", median(cpu[t][g]) / 1e3, median(commit[t][g]) / 1e3));
            }
            System.out.println(line);
        }
    }

    private static final int ROUNDS = 5;

    private static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The audit trail of a service in a database of its own, with some of its indexes dropped. */
    private static final class Trail {

        final String label;
        final List<String> dropped;
        Path dir;
        Connection connection;
        PreparedStatement insert;

        Trail(String label, List<String> dropped) {
            this.label = label;
            this.dropped = dropped;
        }

        void open(byte[] decision, Random random, int rows) throws Exception {
            dir = Files.createTempDirectory("beacon-audit-insert-");
            connection = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("beacon")
                    + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", "sa", ""); // the service's URL
            migrate(connection);
            try (Statement s = connection.createStatement()) {
                for (String index : dropped) {
                    s.execute("drop index " + index);
                }
            }
            connection.setAutoCommit(false);
            insert = connection.prepareStatement(INSERT);
            insertRows(random, decision, 20_000, 500, new long[2]); // the trail a service has
            insertRows(random, decision, 2 * rows, 1, new long[2]); // warm-up
        }

        void close() throws Exception {
            if (connection != null) {
                connection.close();
            }
            if (dir != null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }

        /** Inserts rows in commits of {@code group}; adds the thread's CPU nanoseconds inserting and committing. */
        void insertRows(Random random, byte[] decision, int rows, int group, long[] cpu) throws Exception {
            for (int done = 0; done < rows; done += group) {
                long t0 = THREADS.getCurrentThreadCpuTime();
                for (int i = 0; i < group; i++) {
                    bind(insert, random, decision);
                    insert.addBatch();
                }
                insert.executeBatch();
                long t1 = THREADS.getCurrentThreadCpuTime();
                connection.commit();
                long t2 = THREADS.getCurrentThreadCpuTime();
                cpu[0] += t1 - t0;
                cpu[1] += t2 - t1;
            }
        }
    }

    /** A row shaped like a single evaluation's: a county of 300, the bundled version, a few rows fired. */
    private static void bind(PreparedStatement p, Random random, byte[] decision) throws Exception {
        int region = random.nextInt(300);
        p.setObject(1, new UUID(random.nextLong(), random.nextLong()));
        p.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
        p.setString(3, "platform-" + random.nextInt(4));
        p.setString(4, "v1");
        p.setString(5, "68e7dfafeeac00a4a35df53ed4ee7058d7dbcb035a850d96d16ba7377ef05b05");
        p.setString(6, random.nextBoolean() ? "cholera" : "dengue");
        p.setString(7, String.valueOf(330100 + region));
        p.setString(8, "county " + region);
        p.setString(9, "county");
        p.setObject(10, LocalDate.of(2026, 7, 1).plusDays(random.nextInt(60)));
        p.setString(11, GRADES[random.nextInt(GRADES.length)]);
        p.setString(12, COLOURS[random.nextInt(COLOURS.length)]);
        p.setBoolean(13, false);
        p.setString(14, "Cholera!R10,Reporting!R4,Warning!R7,Response!R12");
        p.setNull(15, Types.OTHER);
        p.setNull(16, Types.INTEGER);
        p.setBytes(17, decision);
        p.setNull(18, Types.VARBINARY);
        p.setString(19, COLOURS[random.nextInt(4)]);
        p.setString(20, "RiskMap!R3");
    }

    /** The service's migrations, in version order, as Flyway would run them on a new database. */
    private static void migrate(Connection c) throws Exception {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(Path.of("service/src/main/resources/db/migration"))) {
            scripts = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(f -> Integer.parseInt(
                            f.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"))))
                    .toList();
        }
        for (Path script : scripts) {
            try (Reader r = Files.newBufferedReader(script)) {
                RunScript.execute(c, r);
            }
        }
    }
}
