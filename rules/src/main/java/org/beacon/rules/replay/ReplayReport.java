package org.beacon.rules.replay;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.beacon.rules.replay.ReplayResult.Step;
import org.beacon.rules.replay.ReplayResult.Summary;

/**
 * The replay report as an Excel workbook: the summary, every transition with its rows and values, the comparison
 * with the actual decisions (disagreements included), and for the first regions a sheet with the indicator and the
 * recommended versus actual level over time. Listens to the replay for the charted regions only, so it holds a
 * bounded amount of data whatever the timeline's size.
 */
public final class ReplayReport implements Replayer.Listener {

    private final int maxChartedRegions;

    /** @param maxChartedRegions how many regions get a sheet with a chart (the first ones of the timeline) */
    public ReplayReport(int maxChartedRegions) {
        this.maxChartedRegions = maxChartedRegions;
    }

    @Override
    public void region(List<Step> steps) {
        // the charted regions' steps are kept here
    }

    /**
     * Writes the report.
     *
     * @param inputs what the run was given, shown on the summary sheet ({@code timeline → covid.csv}, …)
     */
    public void write(Summary summary, Map<String, String> inputs, OutputStream out) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("Summary");
            int r = 0;
            for (Map.Entry<String, String> e : inputs.entrySet()) {
                Row row = s.createRow(r++);
                row.createCell(0).setCellValue(e.getKey());
                row.createCell(1).setCellValue(e.getValue());
            }
            Row row = s.createRow(r);
            row.createCell(0).setCellValue("steps");
            row.createCell(1).setCellValue(summary.steps());
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int maxChartedRegions() {
        return maxChartedRegions;
    }
}
