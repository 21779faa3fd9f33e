package org.beacon.rules.replay.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
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
import org.beacon.rules.replay.DataIssue;
import org.beacon.rules.replay.DerivedIndicators;
import org.beacon.rules.replay.ReplayResult.ActualCheck;
import org.beacon.rules.replay.ReplayResult.ArmSummary;
import org.beacon.rules.replay.ReplayResult.Comparison;
import org.beacon.rules.replay.ReplayResult.Divergence;
import org.beacon.rules.replay.ReplayResult.Step;
import org.beacon.rules.replay.ReplayResult.Summary;
import org.beacon.rules.replay.ReplayResult.Transition;
import org.beacon.rules.replay.Replayer;

/**
 * The replay report as an Excel workbook: the summary, every transition with its rows and values, the comparison
 * with the actual decisions (disagreements included), and for the first regions a sheet with the indicator and the
 * recommended versus actual level over time. Listens to the replay for the charted regions only, so it holds a
 * bounded amount of data whatever the timeline's size. Not thread-safe: one replay, then one {@link #write}.
 */
public final class ReplayReport implements Replayer.Listener {

    /** The indicator a region's chart shows: the first of these the region has. */
    private static final List<String> KEY_INDICATORS = List.of(DerivedIndicators.NEW_CASES_7D,
            DerivedIndicators.RATIO_5Y_MEAN, DerivedIndicators.CASES);

    private final int maxChartedRegions;
    private final List<Charted> charted = new ArrayList<>();

    /** @param maxChartedRegions how many regions get a sheet with a chart (the first ones of the timeline) */
    public ReplayReport(int maxChartedRegions) {
        this.maxChartedRegions = maxChartedRegions;
    }

    /** What a region's sheet needs, without the steps' indicator maps. */
    private record Charted(String region, String name, String indicator, LocalDate[] dates, Double[] values,
            Grade[][] levels, Grade[] actual) {
    }

    @Override
    public void region(List<Step> steps) {
        if (charted.size() >= maxChartedRegions || steps.isEmpty()) {
            return;
        }
        String indicator = KEY_INDICATORS.stream()
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
        charted.add(new Charted(first.region(), first.regionName(), indicator, dates, values, levels, actual));
    }

    /**
     * Writes the report.
     *
     * @param inputs what the run was given, shown on the summary sheet ({@code timeline → covid.csv}, …)
     */
    public void write(Summary summary, Map<String, String> inputs, OutputStream out) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles styles = new Styles(wb);
            Map<String, String> names = new HashMap<>();
            summary.transitions().forEach(t -> names.put(t.region(), t.regionName()));
            charted.forEach(c -> names.put(c.region(), c.name()));
            summarySheet(wb, styles, summary, inputs);
            transitionsSheet(wb, styles, summary.transitions());
            actualSheet(wb, styles, summary.actual(), names);
            if (summary.arms().size() == 2) {
                divergencesSheet(wb, styles, summary);
            }
            issuesSheet(wb, styles, summary.issues());
            Set<String> used = new HashSet<>();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                used.add(wb.getSheetName(i).toLowerCase(Locale.ROOT));
            }
            List<String> labels = summary.arms().stream().map(ArmSummary::label).toList();
            for (Charted c : charted) {
                regionSheet(wb, styles, c, labels, summary.actual() != null, sheetName(c, used));
            }
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void summarySheet(XSSFWorkbook wb, Styles st, Summary s, Map<String, String> inputs) {
        Table t = new Table(wb.createSheet("Summary"), st);
        t.header("概要 Summary", "");
        inputs.forEach((k, v) -> t.row(k, v));
        t.row("步长 step", s.step().name().toLowerCase(Locale.ROOT));
        t.row("地区 regions", s.regions());
        t.row("步数 steps (region-steps)", s.steps());
        t.row("首日 first date", s.first());
        t.row("末日 last date", s.last());
        for (int a = 0; a < s.arms().size(); a++) {
            ArmSummary arm = s.arms().get(a);
            String p = s.arms().size() == 1 ? "" : (a == 0 ? "A " : "B ");
            t.row(p + "方案 arm", arm.label());
            t.row(p + "规则集 rule sets used", String.join(", ", arm.ruleSets()));
            for (Grade g : Grade.values()) {
                t.row(p + "级别步数 steps at level " + g.numeral(), arm.levelSteps().getOrDefault(g.numeral(), 0L));
            }
            t.row(p + "无响应步数 steps without response", arm.levelSteps().getOrDefault("none", 0L));
            t.row(p + "未决步数 undecided steps", arm.undecided());
        }
        t.row("级别变化 transitions", s.transitions().size());
        t.row("数据问题 data issues", s.issues().size());
        t.row("用时 duration (s)", s.millis() / 1000.0);
        t.row("每秒步数 steps per second", Math.round(s.stepsPerSecond()));
        if (s.actual() != null) {
            t.row("比较天数 steps compared with actual", s.actual().daysCompared());
            t.row("一致天数 steps agreeing", s.actual().daysAgreeing());
            t.percent("与实际一致 agreement with actual decisions", s.actual().agreement());
        }
        t.width(0, 44).width(1, 60);
    }

    private static void transitionsSheet(XSSFWorkbook wb, Styles st, List<Transition> transitions) {
        Table t = new Table(wb.createSheet("Transitions"), st);
        t.header("地区 region", "名称 name", "日期 date", "方案 arm", "变化 kind", "原级别 from", "新级别 to",
                "规则行 rows", "依据 reasons");
        for (Transition tr : transitions) {
            t.row(tr.region(), tr.regionName(), tr.date(), tr.arm(), tr.kind(), numeral(tr.from()),
                    numeral(tr.to()), String.join(", ", tr.rows()), String.join("; ", tr.reasons()));
        }
        t.width(1, 14).width(2, 12).width(7, 24).width(8, 90);
    }

    private static void actualSheet(XSSFWorkbook wb, Styles st, Comparison c, Map<String, String> names) {
        if (c == null) {
            return;
        }
        Table t = new Table(wb.createSheet("Actual"), st);
        t.header("地区 region", "名称 name", "日期 date", "变化 change", "推荐日期 recommended", "滞后天数 lag (days)",
                "说明 note");
        for (ActualCheck a : c.transitions()) {
            t.row(a.region(), names.getOrDefault(a.region(), ""), a.date(), numeral(a.from()) + " → "
                    + numeral(a.to()), a.recommended(), a.lagDays(), a.note());
        }
        t.row();
        t.row("比较天数 steps compared", c.daysCompared());
        t.row("一致天数 steps agreeing", c.daysAgreeing());
        t.percent("一致率 agreement", c.agreement());
        t.width(0, 26).width(2, 12).width(4, 14).width(6, 50);
    }

    private static void divergencesSheet(XSSFWorkbook wb, Styles st, Summary s) {
        Table t = new Table(wb.createSheet("Divergences"), st);
        t.header("地区 region", "名称 name", "自 from", "至 to", "A " + s.arms().get(0).label(),
                "B " + s.arms().get(1).label());
        for (Divergence d : s.divergences()) {
            t.row(d.region(), d.regionName(), d.from(), d.to(), numeral(d.first()), numeral(d.second()));
        }
        t.width(2, 12).width(3, 12);
    }

    private static void issuesSheet(XSSFWorkbook wb, Styles st, List<DataIssue> issues) {
        Table t = new Table(wb.createSheet("Data issues"), st);
        t.header("严重性 severity", "代码 code", "位置 where", "说明 detail");
        for (DataIssue i : issues) {
            t.row(i.error() ? "error" : "warning", i.code(), i.where(), i.detail());
        }
        t.width(1, 22).width(2, 24).width(3, 100);
    }

    private static void regionSheet(XSSFWorkbook wb, Styles st, Charted c, List<String> arms, boolean withActual,
            String sheetName) {
        XSSFSheet sheet = wb.createSheet(sheetName);
        Table t = new Table(sheet, st);
        String indicator = c.indicator() == null ? "indicator" : c.indicator();
        List<Object> header = new ArrayList<>(List.of("日期 date", indicator));
        arms.forEach(a -> header.add("推荐 recommended " + a));
        if (withActual) {
            header.add("实际 actual");
        }
        t.header(header.toArray());
        for (int i = 0; i < c.dates().length; i++) {
            List<Object> row = new ArrayList<>(List.of(c.dates()[i]));
            row.add(c.values()[i]);
            for (Grade[] level : c.levels()) {
                row.add(levelNumber(level[i]));
            }
            if (withActual) {
                row.add(levelNumber(c.actual()[i]));
            }
            t.row(row.toArray());
        }
        t.width(0, 12).width(1, 16);
        chart(sheet, c, header.size(), withActual ? header.size() - 1 : -1);
    }

    /**
     * Levels (0–4) on the left axis, the indicator on a right axis of its own: a count in the hundreds would
     * otherwise flatten the levels.
     */
    private static void chart(XSSFSheet sheet, Charted c, int columns, int actualColumn) {
        int last = c.dates().length;
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, columns + 1, 1, columns + 15, 26));
        chart.setTitleText(c.name() + " " + c.region() + ": " + (c.indicator() == null ? "" : c.indicator() + " and ")
                + "level, recommended vs actual");
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        chart.displayBlanksAs(DisplayBlanks.GAP);
        var dates = XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(1, last, 0, 0));

        XDDFDateAxis dateAxis = chart.createDateAxis(AxisPosition.BOTTOM);
        dateAxis.setNumberFormat("yyyy-mm-dd");
        XDDFValueAxis levelAxis = chart.createValueAxis(AxisPosition.LEFT);
        levelAxis.setTitle("级别 level (Ⅰ=4 … Ⅳ=1, none=0)");
        levelAxis.setMinimum(0);
        levelAxis.setMaximum(4);
        levelAxis.setMajorUnit(1);
        dateAxis.crossAxis(levelAxis);
        levelAxis.crossAxis(dateAxis);
        XDDFLineChartData levels = lines(chart, dateAxis, levelAxis);
        for (int col = 2; col < columns; col++) {
            boolean actual = col == actualColumn;
            series(levels, sheet, dates, col, last, actual ? PresetColor.ROYAL_BLUE
                    : col == 2 ? PresetColor.DARK_RED : PresetColor.DARK_ORANGE, actual ? 2.5 : 2.0,
                    actual ? PresetLineDash.DASH : null);
        }
        chart.plot(levels);

        if (c.indicator() != null) {
            XDDFDateAxis hidden = chart.createDateAxis(AxisPosition.BOTTOM);
            hidden.setVisible(false);
            XDDFValueAxis indicatorAxis = chart.createValueAxis(AxisPosition.RIGHT);
            indicatorAxis.setTitle(c.indicator());
            indicatorAxis.setCrosses(AxisCrosses.MAX);
            hidden.crossAxis(indicatorAxis);
            indicatorAxis.crossAxis(hidden);
            XDDFLineChartData values = lines(chart, hidden, indicatorAxis);
            series(values, sheet, dates, 1, last, PresetColor.GRAY, 1.0, null);
            chart.plot(values);
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
    private static String sheetName(Charted c, Set<String> used) {
        String base = WorkbookUtil.createSafeSheetName(c.region() + " " + c.name(), '_');
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

    private static String numeral(Grade g) {
        return g == null ? "—" : g.numeral();
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle date;
        final CellStyle percent;

        Styles(XSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
        }
    }

    /** Appends rows of typed cells: numbers stay numbers, dates become date cells, null an empty cell. */
    private static final class Table {
        private final XSSFSheet sheet;
        private final Styles styles;
        private int next;

        Table(XSSFSheet sheet, Styles styles) {
            this.sheet = sheet;
            this.styles = styles;
        }

        void header(Object... values) {
            Row r = row(values);
            r.forEach(cell -> cell.setCellStyle(styles.header));
            sheet.createFreezePane(0, 1);
        }

        Row row(Object... values) {
            Row r = sheet.createRow(next++);
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (v == null) {
                    continue;
                }
                Cell cell = r.createCell(i);
                if (v instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (v instanceof LocalDate d) {
                    cell.setCellValue(d);
                    cell.setCellStyle(styles.date);
                } else {
                    cell.setCellValue(v.toString());
                }
            }
            return r;
        }

        void percent(String label, double value) {
            row(label, value).getCell(1).setCellStyle(styles.percent);
        }

        Table width(int column, int characters) {
            sheet.setColumnWidth(column, characters * 256);
            return this;
        }
    }
}
