package org.beacon.rules.replay.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.PresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFPresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.DisplayBlanks;
import org.apache.poi.xddf.usermodel.chart.Grouping;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFChartAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFDateAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.beacon.rules.model.Grade;
import org.beacon.rules.replay.ReplayResult.Step;
import org.beacon.rules.replay.report.ReportTable.Styles;

/**
 * One region's sheet of the report: its dates, an indicator and each arm's recommended level next to the actual
 * one, with a chart of them. Keeps what the sheet needs, without the steps' indicator maps.
 *
 * @param region the region's code
 * @param name the region's name
 * @param indicator the indicator shown, or null when the region has none of those asked for
 * @param levels each arm's recommended level, by arm then step
 * @param actual the actual level at each step (null: none)
 */
record RegionSheet(String region, String name, String indicator, LocalDate[] dates, Double[] values,
        Grade[][] levels, Grade[] actual) {

    /** The sheet of a region's steps (not empty): the first of {@code indicators} they have, and the levels. */
    static RegionSheet of(List<Step> steps, List<String> indicators) {
        String indicator = indicators.stream()
                .filter(n -> steps.stream().anyMatch(s -> s.indicators().containsKey(n))).findFirst().orElse(null);
        int n = steps.size();
        int arms = steps.get(0).arms().size();
        LocalDate[] dates = new LocalDate[n];
        Double[] values = new Double[n];
        Grade[][] levels = new Grade[arms][n];
        Grade[] actual = new Grade[n];
        for (int i = 0; i < n; i++) {
            Step s = steps.get(i);
            dates[i] = s.date();
            Object v = indicator == null ? null : s.indicators().get(indicator);
            values[i] = v instanceof Number num ? num.doubleValue() : null;
            for (int a = 0; a < arms; a++) {
                levels[a][i] = s.arms().get(a).level();
            }
            actual[i] = s.actual();
        }
        Step first = steps.get(0);
        return new RegionSheet(first.region(), first.regionName(), indicator, dates, values, levels, actual);
    }

    /** Writes the sheet and its chart; {@code arms} are the arms' labels, in order. */
    void write(XSSFWorkbook wb, Styles st, List<String> arms, boolean withActual, String sheetName) {
        XSSFSheet sheet = wb.createSheet(sheetName);
        ReportTable t = new ReportTable(sheet, st);
        String column = indicator == null ? "indicator" : indicator;
        List<Object> header = new ArrayList<>(List.of("日期 date", column));
        arms.forEach(a -> header.add("推荐 recommended " + a));
        if (withActual) {
            header.add("实际 actual");
        }
        t.header(header.toArray());
        for (int i = 0; i < dates.length; i++) {
            List<Object> row = new ArrayList<>(List.of(dates[i]));
            row.add(values[i]);
            for (Grade[] level : levels) {
                row.add(levelNumber(level[i]));
            }
            if (withActual) {
                row.add(levelNumber(actual[i]));
            }
            t.row(row.toArray());
        }
        t.width(0, 12).width(1, 16);
        chart(sheet, header.size(), withActual ? header.size() - 1 : -1);
    }

    /**
     * Levels (0–4) on the left axis, the indicator on a right axis of its own: a count in the hundreds would
     * otherwise flatten the levels.
     */
    private void chart(XSSFSheet sheet, int columns, int actualColumn) {
        int last = dates.length;
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, columns + 1, 1, columns + 15, 26));
        chart.setTitleText(name + " " + region + ": " + (indicator == null ? "" : indicator + " and ")
                + "level, recommended vs actual");
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        chart.displayBlanksAs(DisplayBlanks.GAP);
        var dateCells = XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(1, last, 0, 0));

        XDDFDateAxis dateAxis = chart.createDateAxis(AxisPosition.BOTTOM);
        dateAxis.setNumberFormat("yyyy-mm-dd");
        XDDFValueAxis levelAxis = chart.createValueAxis(AxisPosition.LEFT);
        levelAxis.setTitle("级别 level (Ⅰ=4 … Ⅳ=1, none=0)");
        levelAxis.setMinimum(0);
        levelAxis.setMaximum(4);
        levelAxis.setMajorUnit(1);
        dateAxis.crossAxis(levelAxis);
        levelAxis.crossAxis(dateAxis);
        XDDFLineChartData levelLines = lines(chart, dateAxis, levelAxis);
        for (int col = 2; col < columns; col++) {
            boolean isActual = col == actualColumn;
            series(levelLines, sheet, dateCells, col, last, isActual ? PresetColor.ROYAL_BLUE
                    : col == 2 ? PresetColor.DARK_RED : PresetColor.DARK_ORANGE, isActual ? 2.5 : 2.0,
                    isActual ? PresetLineDash.DASH : null);
        }
        chart.plot(levelLines);

        if (indicator != null) {
            XDDFDateAxis hidden = chart.createDateAxis(AxisPosition.BOTTOM);
            hidden.setVisible(false);
            XDDFValueAxis indicatorAxis = chart.createValueAxis(AxisPosition.RIGHT);
            indicatorAxis.setTitle(indicator);
            indicatorAxis.setCrosses(AxisCrosses.MAX);
            hidden.crossAxis(indicatorAxis);
            indicatorAxis.crossAxis(hidden);
            XDDFLineChartData valueLines = lines(chart, hidden, indicatorAxis);
            series(valueLines, sheet, dateCells, 1, last, PresetColor.GRAY, 1.0, null);
            chart.plot(valueLines);
        }
    }

    private static XDDFLineChartData lines(XSSFChart chart, XDDFChartAxis x, XDDFValueAxis y) {
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
        data.setGrouping(Grouping.STANDARD);
        data.setVaryColors(false);
        return data;
    }

    private static void series(XDDFLineChartData data, XSSFSheet sheet, XDDFDataSource<?> dates, int col, int last,
            PresetColor colour, double width, PresetLineDash dash) {
        XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                new CellRangeAddress(1, last, col, col));
        XDDFLineChartData.Series s = (XDDFLineChartData.Series) data.addSeries(dates, values);
        s.setTitle(sheet.getRow(0).getCell(col).getStringCellValue(), new CellReference(sheet.getSheetName(), 0,
                col, true, true));
        s.setSmooth(false);
        s.setMarkerStyle(MarkerStyle.NONE);
        XDDFLineProperties line = new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(colour)));
        line.setWidth(width);
        if (dash != null) {
            line.setPresetDash(new XDDFPresetLineDash(dash));
        }
        s.setLineProperties(line);
    }

    /** {@code 330000 浙江省}, made safe for Excel (≤ 31 characters, no []:*?/\) and unique in the workbook. */
    String sheetName(Set<String> used) {
        String base = WorkbookUtil.createSafeSheetName(region + " " + name, '_');
        String name = base;
        for (int k = 2; used.contains(name.toLowerCase(Locale.ROOT)); k++) {
            String suffix = " (" + k + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        used.add(name.toLowerCase(Locale.ROOT));
        return name;
    }

    /** Ⅰ=4 … Ⅳ=1, no response 0: a higher line is a more serious level. */
    static int levelNumber(Grade g) {
        return g == null ? 0 : Grade.values().length - g.ordinal();
    }
}
