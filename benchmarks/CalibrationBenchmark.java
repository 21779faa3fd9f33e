import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.RuleSetCompiler;
import org.beacon.rules.calibration.Calibration;
import org.beacon.rules.calibration.Objective;
import org.beacon.rules.calibration.ParameterGrid;
import org.beacon.rules.calibration.ParameterRange;
import org.beacon.rules.model.WorkbookSource;
import org.beacon.rules.replay.ReplayInput;
import org.beacon.rules.replay.TimelineCsv;

/**
 * Calibration speed (issue 21): `beacon calibrate`'s work over the COVID-19 2020 example (3 provinces × 182 days,
 * canghailan, against the actual decisions) for 4, 16 and 64 combinations of stepDown_minDays × covid_II_newCases7d,
 * in one JVM after a warm-up sweep. The baseline, in the same run, is the trial every calibration starts with: today's
 * values compiled and replayed once on one thread. Each combination is a compile (Drools build and the 398 test-sheet
 * cases included) and a replay, so time should grow linearly with combinations: the table gives time per combination
 * and its ratio to the baseline. Prints a Markdown table.
 *
 *   ./mvnw -q -pl cli -am package -DskipTests
 *   java -Xmx1g -cp 'cli/target/beacon-cli.jar:cli/target/lib/*' benchmarks/CalibrationBenchmark.java [threads]
 */
public class CalibrationBenchmark {

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        Path root = Path.of("").toAbsolutePath();
        List<WorkbookSource> tables = WorkbookSource.readAll(root.resolve("tables"));
        Path folder = root.resolve("examples/timelines");
        ReplayInput input;
        try (Reader t = Files.newBufferedReader(folder.resolve("covid-2020-zhejiang-hubei-guangdong.csv"),
                StandardCharsets.UTF_8);
                Reader a = Files.newBufferedReader(folder.resolve("covid-2020-response-levels.csv"),
                        StandardCharsets.UTF_8)) {
            input = ReplayInput.read(t, "covid.csv", TimelineCsv.Options.defaults().withSource("canghailan"), a,
                    "levels.csv");
        }
        CompiledRuleSet today = new RuleSetCompiler().compile(tables).ruleSet().orElseThrow();
        Calibration calibration = new Calibration(new RuleSetCompiler(), tables, input.timeline(), input.actual(),
                Objective.WEIGHTED, threads);
        calibration.run(calibration.trial(today), grid(2, 2), n -> { }); // warm-up, not counted
        Calibration.Trial trial = calibration.trial(today);
        double baseline = trial.took().toMillis() / 1000.0;
        List<String> rows = new ArrayList<>();
        for (int[] size : new int[][] {{2, 2}, {4, 4}, {8, 8}}) {
            ParameterGrid grid = grid(size[0], size[1]);
            long cpu0 = cpu();
            Calibration.Outcome o = calibration.run(trial, grid, n -> { });
            double s = o.took().toMillis() / 1000.0;
            double cpu = (cpu() - cpu0) / 1e9;
            rows.add(String.format("| %d | %d | %.1f | %.2f | %.2f | %.2f | %.1f | %s |", grid.size(), o.threads(), s,
                    grid.size() / s, s / grid.size(), s / grid.size() / baseline, cpu,
                    o.ranked().get(0).parameters()));
        }
        System.out.printf("%d cores, max heap %d MB, Java %s, %s; baseline (today's values compiled and replayed "
                + "once, one thread): %.2f s%n%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"),
                ManagementFactory.getRuntimeMXBean().getInputArguments(), baseline);
        System.out.println("| combinations | threads | wall s | combinations/s | s per combination "
                + "| per combination ÷ baseline | CPU s (this JVM) | best (weighted) |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---|");
        rows.forEach(System.out::println);
    }

    /** {@code a} values of stepDown_minDays (7, 14, …) × {@code b} of covid_II_newCases7d (20, 25, …). */
    private static ParameterGrid grid(int a, int b) {
        return new ParameterGrid(List.of(ParameterRange.parse("stepDown_minDays=7.." + (7 * a) + ":7"),
                ParameterRange.parse("covid_II_newCases7d=20.." + (20 + 5 * (b - 1)) + ":5")), 500);
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
