import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.beacon.rules.Compilation;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.RuleSetCompiler;
import org.beacon.rules.model.WorkbookSource;
import org.beacon.rules.replay.ReplayResult;
import org.beacon.rules.replay.Replayer;
import org.beacon.rules.replay.Timeline;
import org.beacon.rules.replay.TimelineCsv;
import org.beacon.rules.replay.report.ReplayCsvWriter;

/**
 * Replay at scale (issue 8): a synthetic daily COVID-19 timeline of R regions × D days, read with TimelineCsv and
 * replayed with Replayer through the bundled tables, every step streamed to a steps CSV by ReplayCsvWriter, as a real
 * run does. The baseline, run on the same file, is a rule set of one table with one row (newCases7d ≥ 1 → Ⅳ): the
 * same reading, deriving, one rule evaluation per step and CSV writing, without the bundled tables' work.
 *
 * Each measurement runs in a fresh JVM started with this JVM's options (a real run starts cold too), so heap
 * figures belong to one replay. Prints a Markdown table.
 *
 *   ./mvnw -q package -DskipTests
 *   taskset -c 0,1 java -Xmx512m -XX:ActiveProcessorCount=2 -cp 'cli/target/beacon-cli.jar:cli/target/lib/*' \
 *       benchmarks/ReplayBenchmark.java [RxD ...]      (default: 3000x365 750x365 1500x365 3000x90 3000x180)
 *
 * Files go to a temporary folder, deleted at the end.
 */
public class ReplayBenchmark {

    static final LocalDate START = LocalDate.of(2020, 1, 1);
    static final List<String> COLUMNS = List.of("cumulativeConfirmed", "deaths", "newCases", "newCases7d",
            "newCases14d", "daysWithoutNewCase", "daysSinceLastCase");

    record Result(String ruleSet, int regions, int days, long steps, long transitions, long compileMs, long parseMs,
            long replayMs, long cpuMs, double heapAfterGcMb, long gcCount, long gcMs, long othersMs) {

        long totalMs() {
            return parseMs + replayMs;
        }

        String line() {
            return String.join("\t", ruleSet, "" + regions, "" + days, "" + steps, "" + transitions,
                    "" + compileMs, "" + parseMs, "" + replayMs, "" + cpuMs, "" + heapAfterGcMb, "" + gcCount,
                    "" + gcMs, "" + othersMs);
        }

        static Result parse(String line) {
            String[] f = line.split("\t");
            return new Result(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Long.parseLong(f[3]),
                    Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]),
                    Long.parseLong(f[8]), Double.parseDouble(f[9]), Long.parseLong(f[10]), Long.parseLong(f[11]),
                    Long.parseLong(f[12]));
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--one")) {
            System.out.println("RESULT\t" + one(args[1], Path.of(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4])).line());
            return;
        }
        List<String> sizes = args.length > 0 ? List.of(args)
                : List.of("3000x365", "750x365", "1500x365", "3000x90", "3000x180");
        Path dir = Files.createTempDirectory("beacon-replay-bench-");
        List<Result[]> results = new ArrayList<>();
        try {
            for (String size : sizes) {
                int regions = Integer.parseInt(size.substring(0, size.indexOf('x')));
                int days = Integer.parseInt(size.substring(size.indexOf('x') + 1));
                Path timeline = dir.resolve("timeline-" + size + ".csv");
                write(timeline, regions, days);
                Result baseline = child("baseline", timeline, regions, days);
                Result tables = child("tables", timeline, regions, days);
                results.add(new Result[] {baseline, tables});
                Files.delete(timeline);
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
        print(results);
    }

    private static void print(List<Result[]> results) {
        System.out.printf("%d cores, max heap %d MB, Java %s, %s; one fresh JVM per row%n%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"), ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.println("| regions × days | region-days | rule set | parse s | replay s | parse + replay s "
                + "| CPU s | others' CPU s | steps/s | time vs baseline | transitions | heap after GC, max MB "
                + "| GCs (s) | compile s |");
        System.out.println("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Result[] pair : results) {
            for (Result r : pair) {
                boolean base = r == pair[0];
                System.out.printf("| %,d × %d | %,d | %s | %.1f | %.1f | %.1f | %.1f | %s | %,.0f | %s | %,d | %.0f "
                        + "| %d (%.1f) | %.1f |%n", r.regions(), r.days(), r.steps(),
                        base ? "one-row table (baseline)" : "bundled tables", r.parseMs() / 1e3, r.replayMs() / 1e3,
                        r.totalMs() / 1e3, r.cpuMs() / 1e3,
                        r.othersMs() < 0 ? "n/a" : String.format("%.1f", r.othersMs() / 1e3),
                        r.steps() * 1e3 / r.replayMs(),
                        base ? "1.00" : String.format("%.2f", (double) r.totalMs() / pair[0].totalMs()),
                        r.transitions(), r.heapAfterGcMb(), r.gcCount(), r.gcMs() / 1e3, r.compileMs() / 1e3);
            }
        }
    }

    /** Runs one measurement in a fresh JVM with this JVM's options and class path. */
    private static Result child(String ruleSet, Path timeline, int regions, int days) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                System.getProperty("jdk.launcher.sourcefile", "benchmarks/ReplayBenchmark.java"), "--one", ruleSet,
                timeline.toString(), "" + regions, "" + days));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        Result result = null;
        StringBuilder output = new StringBuilder();
        try (BufferedReader in = p.inputReader()) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("RESULT\t")) {
                    result = Result.parse(line.substring(7));
                } else {
                    output.append(line).append('\n');
                }
            }
        }
        if (p.waitFor() != 0 || result == null) {
            throw new IllegalStateException(ruleSet + " " + regions + "x" + days + " failed (exit " + p.exitValue()
                    + "):\n" + output);
        }
        System.err.printf("%s %dx%d: %.1f s, %.0f MB%n", ruleSet, regions, days, result.totalMs() / 1e3,
                result.heapAfterGcMb());
        return result;
    }

    /** One measurement: compile, read, replay with the steps streamed to a CSV file. */
    private static Result one(String ruleSet, Path timeline, int regions, int days) throws Exception {
        HeapWatch heap = new HeapWatch();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long t0 = System.nanoTime();
        List<WorkbookSource> sources = ruleSet.equals("baseline")
                ? List.of(new WorkbookSource("one-row.xlsx", oneRowWorkbook()))
                : WorkbookSource.readAll(Path.of("tables"));
        Compilation compilation = new RuleSetCompiler().compile(ruleSet, sources);
        CompiledRuleSet rules = compilation.ruleSet()
                .orElseThrow(() -> new IllegalStateException(compilation.errors().toString()));
        long cpu1 = os.getProcessCpuTime();
        long busy1 = machineBusyMs();
        long t1 = System.nanoTime();
        Timeline parsed;
        try (BufferedReader in = Files.newBufferedReader(timeline)) {
            parsed = TimelineCsv.read(in, timeline.getFileName().toString(), TimelineCsv.Options.defaults());
        }
        long t2 = System.nanoTime();
        Path steps = Files.createTempFile(timeline.getParent(), "steps-", ".csv");
        ReplayResult.Summary summary;
        try (Writer out = Files.newBufferedWriter(steps)) {
            ReplayCsvWriter csv = new ReplayCsvWriter(out, List.of(ruleSet), COLUMNS);
            summary = new Replayer(List.of(Replayer.Arm.pinned(ruleSet, rules)), null,
                    Runtime.getRuntime().availableProcessors()).run(parsed, csv);
        }
        long t3 = System.nanoTime();
        long cpu3 = os.getProcessCpuTime();
        long busy3 = machineBusyMs();
        if (summary.steps() != (long) regions * days) {
            throw new IllegalStateException("replayed " + summary.steps() + " steps, expected " + regions * days);
        }
        Files.delete(steps);
        long gcCount = 0;
        long gcMs = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += gc.getCollectionCount();
            gcMs += gc.getCollectionTime();
        }
        return new Result(ruleSet, regions, days, summary.steps(), summary.transitions().size(), (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (cpu3 - cpu1) / 1_000_000, heap.maxAfterGc() / 1048576.0,
                gcCount, gcMs, busy1 < 0 || busy3 < 0 ? -1 : Math.max(0, busy3 - busy1 - (cpu3 - cpu1) / 1_000_000));
    }

    /**
     * CPU time spent by the whole machine so far (Linux {@code /proc/stat}, in units of 10 ms), or -1: minus this
     * process's own, it tells how much other processes took during a measurement on a shared machine.
     */
    static long machineBusyMs() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                busy += i == 4 || i == 5 ? 0 : Long.parseLong(f[i]);
            }
            return busy * 10;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The largest heap occupancy right after a collection: what the run kept, garbage aside. */
    static final class HeapWatch {
        private final AtomicLong max = new AtomicLong();

        HeapWatch() {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
                    if (n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                        Map<String, MemoryUsage> after = GarbageCollectionNotificationInfo
                                .from((CompositeData) n.getUserData()).getGcInfo().getMemoryUsageAfterGc();
                        long used = after.values().stream().mapToLong(MemoryUsage::getUsed).sum();
                        max.accumulateAndGet(used, Math::max);
                    }
                }, null, null);
            }
        }

        long maxAfterGc() {
            return max.get();
        }
    }

    /**
     * A daily timeline, one day's rows after another as daily reports come: per region two waves of a logistic
     * epidemic curve with region-specific size, start and speed (a region's curve does not depend on R or D, so a
     * smaller file is a prefix of a larger one); one region in seven has no case at all. Deaths follow 2% of the
     * cases of ten days before.
     */
    static void write(Path file, int regions, int days) throws IOException {
        double[][] waves = new double[regions][];
        for (int r = 0; r < regions; r++) {
            SplittableRandom random = new SplittableRandom(8_000_000L + r);
            double size = random.nextInt(7) == 0 ? 0 : Math.pow(10, 0.5 + 3 * random.nextDouble());
            double firstPeak = 20 + 200 * random.nextDouble();
            waves[r] = new double[] {size, firstPeak, 2 + 6 * random.nextDouble(),
                    size * (0.2 + random.nextDouble()), firstPeak + 60 + 120 * random.nextDouble(),
                    2 + 6 * random.nextDouble()};
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("date,region,regionName,level,eventType,cumulativeConfirmed,deaths\n");
            for (int d = 0; d < days; d++) {
                String date = START.plusDays(d).toString();
                for (int r = 0; r < regions; r++) {
                    String code = String.valueOf(100_000 + r);
                    out.write(date + "," + code + ",County " + code + ",county,covid19,"
                            + Math.round(cases(waves[r], d)) + "," + Math.round(0.02 * cases(waves[r], d - 10)) + "\n");
                }
            }
        }
    }

    private static double cases(double[] w, int day) {
        return w[0] / (1 + Math.exp(-(day - w[1]) / w[2])) + w[3] / (1 + Math.exp(-(day - w[4]) / w[5]));
    }

    /** One table with one row: newCases7d ≥ 1 → Ⅳ for covid19. */
    static byte[] oneRowWorkbook() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            rows(wb.createSheet("Dictionary"), new Object[][] {{"Dictionary"},
                {"Name", "Type", "Values", "Unit", "Min", "Max", "说明", "Description"},
                {"eventType", "enum", "covid19", "", null, null, "事件类型", "event type"},
                {"newCases7d", "integer", null, "例", 0, 1_000_000, "近7天新增", "new cases in 7 days"}});
            rows(wb.createSheet("Baseline"), new Object[][] {{"Table", "Baseline"}, {"Hit policy", "highest grade"},
                {"Event types", "covid19"}, {"Gaps", "expected"}, {},
                {"IF newCases7d", "THEN grade", "THEN label", "SOURCE", "TAG"},
                {"≥1", "Ⅳ", "a new case in 7 days", "benchmark", "M"}});
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static void rows(XSSFSheet sheet, Object[][] rows) {
        for (int i = 0; i < rows.length; i++) {
            XSSFRow row = sheet.createRow(i);
            for (int c = 0; c < rows[i].length; c++) {
                if (rows[i][c] instanceof Number n) {
                    row.createCell(c).setCellValue(n.doubleValue());
                } else if (rows[i][c] != null) {
                    row.createCell(c).setCellValue(rows[i][c].toString());
                }
            }
        }
    }
}
