package org.beacon.service.calibration;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.beacon.rules.CompiledRuleSet;
import org.beacon.rules.calibration.Calibration;
import org.beacon.rules.calibration.CombinationResult;
import org.beacon.rules.calibration.HistoryFit;
import org.beacon.rules.calibration.ParameterGrid;
import org.beacon.rules.calibration.report.CalibrationReport;
import org.beacon.service.runs.LongRuns;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The work of one calibration: today's values replayed once (the baseline), then every combination of the grid, then
 * the summary (ranked combinations, the cells to type) and the CSV and XLSX reports, as {@code beacon calibrate}
 * writes them. The workbooks are never changed.
 *
 * @param inputs what the reports' inputs sheet lists
 */
record CalibrationRun(Calibration calibration, CompiledRuleSet today, ParameterGrid grid, Map<String, String> inputs,
        JsonMapper json) implements LongRuns.Task {

    /** One combination as the JSON shows it; {@code score} null when the tables did not compile with it. */
    record Combination(int rank, Map<String, BigDecimal> parameters, Double score, HistoryFit fit,
            List<String> failedTests, String problem) {

        static Combination of(int rank, CombinationResult r) {
            return new Combination(rank, r.parameters(), Double.isFinite(r.score()) ? r.score() : null, r.fit(),
                    r.failedTests(), r.problem());
        }
    }

    /** A cell to type into the Parameters sheet for the best combination, and the value it holds today. */
    record CellToType(String parameter, String cell, String value, String today) {
    }

    @Override
    public LongRuns.Result run(LongConsumer progress) throws Exception {
        Calibration.Trial trial = calibration.trial(today);
        progress.accept(1);
        Calibration.Outcome o = calibration.run(trial, grid, done -> progress.accept(1 + done));
        ObjectNode summary = json.createObjectNode();
        summary.put("objective", o.objective().code());
        summary.put("objectiveMeaning", o.objective().meaning());
        summary.set("parameters", json.valueToTree(grid.names()));
        summary.set("today", json.valueToTree(o.today()));
        summary.set("cells", json.valueToTree(o.cells()));
        summary.set("baseline", json.valueToTree(Combination.of(0, o.baseline())));
        List<Combination> ranked = new ArrayList<>();
        for (int i = 0; i < o.ranked().size(); i++) {
            ranked.add(Combination.of(i + 1, o.ranked().get(i)));
        }
        summary.set("ranked", json.valueToTree(ranked));
        CombinationResult best = o.ranked().get(0);
        if (best.fit() != null) {
            List<CellToType> cells = new ArrayList<>();
            for (String n : grid.names()) {
                BigDecimal was = o.today().get(n);
                cells.add(new CellToType(n, o.cells().getOrDefault(n, n),
                        best.parameters().get(n).stripTrailingZeros().toPlainString(),
                        was == null ? null : was.stripTrailingZeros().toPlainString()));
            }
            summary.set("toType", json.valueToTree(cells));
        }
        summary.put("baselineMillis", trial.took().toMillis());
        summary.put("millis", o.took().toMillis());
        summary.put("threads", o.threads());
        CalibrationReport report = new CalibrationReport(o);
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(csv, StandardCharsets.UTF_8)) {
            report.writeCsv(w);
        }
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        report.writeXlsx(inputs, xlsx);
        return new LongRuns.Result(json.writeValueAsString(summary), xlsx.toByteArray(), csv.toByteArray());
    }
}
