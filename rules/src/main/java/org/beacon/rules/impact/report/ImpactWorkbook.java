package org.beacon.rules.impact.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.PresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFPresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.Grouping;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.beacon.rules.impact.ImpactReport;
import org.beacon.rules.impact.ImpactReport.Dimension;
import org.beacon.rules.impact.ImpactReport.Invalid;
import org.beacon.rules.impact.ImpactReport.RowChange;
import org.beacon.rules.impact.ImpactReport.Transition;
import org.beacon.rules.impact.ImpactReport.WeekBurden;
import org.beacon.rules.replay.report.ReportTable;

/**
 * Writes an {@link ImpactReport} as a workbook: {@code Summary}, {@code Transitions}, {@code Rows}, {@code Invalid}
 * and {@code Weekly burden} with a line chart of warnings and graded situations a week, before (solid) and after
 * (dashed). The report is already bounded (counts and capped examples), so the workbook is too.
 */
public final class ImpactWorkbook {

    private static final int MAX_CELL = 32_767;

    private ImpactWorkbook() {
    }

    /** @param inputs what the run was given, shown on the summary sheet ({@code before → tables/}, …) */
    public static void write(ImpactReport report, Map<String, String> inputs, OutputStream out) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            ReportTable.Styles styles = new ReportTable.Styles(wb);
            summary(new ReportTable(wb.createSheet("Summary"), styles), report, inputs);
            transitions(new ReportTable(wb.createSheet("Transitions"), styles), report.transitions());
            rows(new ReportTable(wb.createSheet("Rows"), styles), report.rows());
            invalid(new ReportTable(wb.createSheet("Invalid"), styles), report.invalid());
            XSSFSheet weekly = wb.createSheet("Weekly burden");
            weeks(new ReportTable(weekly, styles), report.weeks());
            if (!report.weeks().isEmpty()) {
                chart(weekly, report.weeks().size());
            }
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void summary(ReportTable t, ImpactReport r, Map<String, String> inputs) {
        t.header("影响 impact", "");
        t.row("before", r.before());
        t.row("after", r.after());
        inputs.forEach((k, v) -> t.row(k, v));
        t.row("situations", r.situations());
        t.row("decided by both", r.decided());
        t.row("changed", r.changed());
        t.row("invalid before (not compared)", r.invalidBefore());
        t.row("invalid under the new dictionary", r.becameInvalid());
        for (Dimension d : r.transitions()) {
            t.row(d.name() + " changed", d.changed());
        }
        t.width(0, 34).width(1, 40);
    }

    private static void transitions(ReportTable t, List<Dimension> dims) {
        t.header("output", "from", "to", "count", "changed", "examples");
        for (Dimension d : dims) {
            for (Transition tr : d.transitions()) {
                t.row(d.name(), tr.from(), tr.to(), tr.count(), tr.changed() ? "yes" : "no",
                        ids(tr.examples()));
            }
        }
        t.width(0, 12).width(5, 80);
    }

    private static void rows(ReportTable t, List<RowChange> rows) {
        t.header("table", "row", "gained", "lost", "gained (examples)", "lost (examples)");
        for (RowChange r : rows) {
            t.row(r.table(), r.row(), r.gained(), r.lost(), ids(r.gainedExamples()),
                    ids(r.lostExamples()));
        }
        t.width(0, 20).width(1, 20).width(4, 60).width(5, 60);
    }

    /** The ids a cell can hold (Excel stops at 32,767 characters); the JSON report keeps them all. */
    static String ids(List<String> ids) {
        StringBuilder b = new StringBuilder();
        for (String id : ids) {
            if (b.length() + id.length() + 3 > MAX_CELL) {
                return b.append(" …").toString();
            }
            b.append(b.isEmpty() ? "" : " ").append(id);
        }
        return b.toString();
    }

    private static String clip(String text) {
        return text.length() <= MAX_CELL ? text : text.substring(0, MAX_CELL - 2) + " …";
    }

    private static void invalid(ReportTable t, List<Invalid> invalid) {
        t.header("situation", "why the new dictionary refuses it");
        invalid.forEach(i -> t.row(clip(i.id()), clip(i.reason())));
        t.width(0, 40).width(1, 80);
    }

    private static final int WARNINGS_BEFORE = 1;
    private static final int WARNINGS_AFTER = 2;
    private static final int GRADED_BEFORE = 3;
    private static final int GRADED_AFTER = 4;

    private static void weeks(ReportTable t, List<WeekBurden> weeks) {
        t.header("week", "warnings before", "warnings after", "graded Ⅳ+ before", "graded Ⅳ+ after", "red before",
                "red after", "orange before", "orange after", "yellow before", "yellow after", "blue before",
                "blue after");
        for (WeekBurden w : weeks) {
            t.row(w.week(), w.before().warnings(), w.after().warnings(), w.before().graded(), w.after().graded(),
                    w.before().red(), w.after().red(), w.before().orange(), w.after().orange(), w.before().yellow(),
                    w.after().yellow(), w.before().blue(), w.after().blue());
        }
        t.width(0, 12);
    }

    /** Warnings and graded situations a week: before solid, after dashed, in the same colour per measure. */
    private static void chart(XSSFSheet sheet, int last) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 14, 1, 28, 26));
        chart.setTitleText("每周预警负担 weekly alert burden, before vs after");
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis weeks = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis counts = chart.createValueAxis(AxisPosition.LEFT);
        counts.setTitle("situations");
        counts.setMinimum(0);
        weeks.crossAxis(counts);
        counts.crossAxis(weeks);
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, weeks, counts);
        data.setGrouping(Grouping.STANDARD);
        data.setVaryColors(false);
        XDDFDataSource<String> labels = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(1, last, 0, 0));
        series(data, sheet, labels, WARNINGS_BEFORE, last, PresetColor.DARK_ORANGE, null);
        series(data, sheet, labels, WARNINGS_AFTER, last, PresetColor.DARK_ORANGE, PresetLineDash.DASH);
        series(data, sheet, labels, GRADED_BEFORE, last, PresetColor.DARK_RED, null);
        series(data, sheet, labels, GRADED_AFTER, last, PresetColor.DARK_RED, PresetLineDash.DASH);
        chart.plot(data);
    }

    private static void series(XDDFLineChartData data, XSSFSheet sheet, XDDFDataSource<String> labels, int col,
            int last, PresetColor colour, PresetLineDash dash) {
        var values = XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(1, last, col, col));
        XDDFLineChartData.Series s = (XDDFLineChartData.Series) data.addSeries(labels, values);
        s.setTitle(sheet.getRow(0).getCell(col).getStringCellValue(), new CellReference(sheet.getSheetName(), 0, col,
                true, true));
        s.setSmooth(false);
        s.setMarkerStyle(MarkerStyle.NONE);
        XDDFLineProperties line = new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(colour)));
        line.setWidth(2.0);
        if (dash != null) {
            line.setPresetDash(new XDDFPresetLineDash(dash));
        }
        s.setLineProperties(line);
    }
}
