package org.beacon.rules.calibration.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ColorScaleFormatting;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.ConditionalFormattingThreshold.RangeType;
import org.apache.poi.ss.usermodel.ExtendedColor;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.beacon.rules.calibration.Calibration.Outcome;
import org.beacon.rules.calibration.CombinationResult;
import org.beacon.rules.calibration.HistoryFit;
import org.beacon.rules.csv.SafeCsvWriter;

/**
 * A calibration's results: {@code calibration.csv} (one row per combination, best first) and
 * {@code calibration.xlsx} (the summary with the cells to change, the ranking, and with two parameters a heat map
 * of the score, green best). Never touches a workbook of the rule set.
 */
public final class CalibrationReport {

    private static final List<String> MEASURES = List.of("score", "meanAbsLagDays", "maxAbsLagDays",
            "neverRecommended", "agreement", "levelChanges", "warningsPerRegionYear", "lateEscalations",
            "weightedLagDays", "failedTests", "failedTestRows", "problem");

    private final Outcome outcome;

    public CalibrationReport(Outcome outcome) {
        this.outcome = outcome;
    }

    /** The header and one row per combination, best first; today's values last, ranked {@code today}. */
    public void writeCsv(Writer out) {
        SafeCsvWriter csv = new SafeCsvWriter(out);
        List<Object> header = new ArrayList<>(List.of("rank"));
        header.addAll(outcome.grid().names());
        header.addAll(MEASURES);
        csv.record(header);
        int rank = 1;
        for (CombinationResult r : outcome.ranked()) {
            csv.record(row(String.valueOf(rank++), r, true));
        }
        csv.record(row("today", outcome.baseline(), true));
        csv.flush();
    }

    /** @param inputs what the run was given ({@code timeline → covid.csv}), listed on the summary sheet */
    public void writeXlsx(Map<String, String> inputs, OutputStream out) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle bold = bold(wb);
            summary(wb.createSheet("Summary"), bold, inputs);
            XSSFSheet ranking = wb.createSheet("Ranking");
            List<Object> header = new ArrayList<>(List.of("rank"));
            header.addAll(outcome.grid().names());
            header.addAll(MEASURES);
            put(ranking, 0, header).forEach(c -> c.setCellStyle(bold));
            ranking.createFreezePane(0, 1);
            int rank = 1;
            for (CombinationResult r : outcome.ranked()) {
                put(ranking, rank, row(rank, r, false));
                rank++;
            }
            put(ranking, rank, row("today", outcome.baseline(), false));
            if (outcome.grid().names().size() == 2) {
                heatMap(wb.createSheet("Heat map"), bold);
            }
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void summary(XSSFSheet sheet, CellStyle bold, Map<String, String> inputs) {
        int r = 0;
        put(sheet, r++, List.of("校准 Calibration")).get(0).setCellStyle(bold);
        for (Map.Entry<String, String> e : inputs.entrySet()) {
            put(sheet, r++, List.of(e.getKey(), e.getValue()));
        }
        put(sheet, r++, List.of("目标 objective", outcome.objective().code() + ": " + outcome.objective().meaning()
                + ", lower is better"));
        put(sheet, r++, List.of("组合 combinations", outcome.grid().size()));
        put(sheet, r++, List.of("线程 threads", outcome.threads()));
        put(sheet, r++, List.of("用时 seconds", outcome.took().toMillis() / 1000.0));
        r++;
        put(sheet, r++, List.of("参数 parameter", "单元格 cell", "现值 today", "最佳 best"))
                .forEach(c -> c.setCellStyle(bold));
        CombinationResult best = outcome.ranked().isEmpty() ? null : outcome.ranked().get(0);
        for (String name : outcome.grid().names()) {
            put(sheet, r++, List.of(name, outcome.cells().getOrDefault(name, ""), plain(outcome.today().get(name)),
                    best == null ? "" : plain(best.parameters().get(name))));
        }
        sheet.setColumnWidth(0, 28 * 256);
        sheet.setColumnWidth(1, 40 * 256);
    }

    /** Rows: the first parameter's values; columns: the second's; cells: the score, coloured green (best) to red. */
    private void heatMap(XSSFSheet sheet, CellStyle bold) {
        List<BigDecimal> rows = outcome.grid().values(0);
        List<BigDecimal> columns = outcome.grid().values(1);
        String first = outcome.grid().names().get(0);
        String second = outcome.grid().names().get(1);
        put(sheet, 0, List.of(outcome.objective().code() + " (" + outcome.objective().meaning() + "; lower is "
                + "better): " + first + " down, " + second + " across")).get(0).setCellStyle(bold);
        List<Object> header = new ArrayList<>(List.of(first + " \\ " + second));
        columns.forEach(v -> header.add(v.doubleValue()));
        put(sheet, 1, header).forEach(c -> c.setCellStyle(bold));
        Map<String, Double> scores = new HashMap<>();
        for (CombinationResult r : outcome.ranked()) {
            scores.put(key(r.parameters().get(first), r.parameters().get(second)), r.score());
        }
        for (int i = 0; i < rows.size(); i++) {
            List<Object> line = new ArrayList<>(List.of(rows.get(i).doubleValue()));
            for (BigDecimal c : columns) {
                Double s = scores.get(key(rows.get(i), c));
                line.add(s == null || s.isInfinite() ? "—" : round(s));
            }
            put(sheet, i + 2, line).get(0).setCellStyle(bold);
        }
        SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
        ConditionalFormattingRule rule = formatting.createConditionalFormattingColorScaleRule();
        ColorScaleFormatting scale = rule.getColorScaleFormatting();
        scale.getThresholds()[0].setRangeType(RangeType.MIN);
        scale.getThresholds()[1].setRangeType(RangeType.PERCENTILE);
        scale.getThresholds()[1].setValue(50d);
        scale.getThresholds()[2].setRangeType(RangeType.MAX);
        String[] colours = {"63BE7B", "FFEB84", "F8696B"};
        for (int i = 0; i < 3; i++) {
            ((ExtendedColor) scale.getColors()[i]).setARGBHex("FF" + colours[i]);
        }
        formatting.addConditionalFormatting(new CellRangeAddress[] {
            new CellRangeAddress(2, rows.size() + 1, 1, columns.size())}, rule);
        sheet.setColumnWidth(0, 30 * 256);
    }

    private List<Object> row(Object rank, CombinationResult r, boolean text) {
        List<Object> row = new ArrayList<>();
        row.add(rank);
        for (String name : outcome.grid().names()) {
            BigDecimal v = r.parameters().containsKey(name) ? r.parameters().get(name) : outcome.today().get(name);
            row.add(text ? plain(v) : v == null ? null : v.doubleValue());
        }
        HistoryFit f = r.fit();
        row.add(f == null ? null : round(r.score()));
        row.add(f == null ? null : round(f.meanAbsoluteLag()));
        row.add(f == null ? null : f.maxAbsoluteLag());
        row.add(f == null ? null : f.neverRecommended());
        row.add(f == null ? null : round(f.agreement()));
        row.add(f == null ? null : f.levelChanges());
        row.add(f == null ? null : round(f.warningsPerRegionYear()));
        row.add(f == null ? null : f.lateEscalations());
        row.add(f == null ? null : round(f.weightedLag()));
        row.add(r.failedTests().size());
        row.add(String.join("; ", r.failedTests()));
        row.add(r.problem() == null ? "" : r.problem());
        if (text) {
            row.replaceAll(v -> v == null ? "" : v instanceof Double d ? plain(BigDecimal.valueOf(d)) : v);
        }
        return row;
    }

    private static List<Cell> put(XSSFSheet sheet, int index, List<?> values) {
        Row row = sheet.createRow(index);
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Cell cell = row.createCell(i);
            Object v = values.get(i);
            if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (v != null) {
                cell.setCellValue(v.toString());
            }
            cells.add(cell);
        }
        return cells;
    }

    private static CellStyle bold(XSSFWorkbook wb) {
        Font font = wb.createFont();
        font.setBold(true);
        CellStyle style = wb.createCellStyle();
        style.setFont(font);
        return style;
    }

    private static String key(BigDecimal a, BigDecimal b) {
        return plain(a) + "|" + plain(b);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }
}
