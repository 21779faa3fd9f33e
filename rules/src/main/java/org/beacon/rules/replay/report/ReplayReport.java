package org.beacon.rules.replay.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
import org.beacon.rules.replay.report.ReportTable.Styles;

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
    private final List<RegionSheet> charted = new ArrayList<>();

    /** @param maxChartedRegions how many regions get a sheet with a chart (the first ones of the timeline) */
    public ReplayReport(int maxChartedRegions) {
        this.maxChartedRegions = maxChartedRegions;
    }

    @Override
    public void region(List<Step> steps) {
        if (charted.size() >= maxChartedRegions || steps.isEmpty()) {
            return;
        }
        charted.add(RegionSheet.of(steps, KEY_INDICATORS));
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
            for (RegionSheet c : charted) {
                c.write(wb, styles, labels, summary.actual() != null, c.sheetName(used));
            }
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void summarySheet(XSSFWorkbook wb, Styles st, Summary s, Map<String, String> inputs) {
        ReportTable t = new ReportTable(wb.createSheet("Summary"), st);
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
        ReportTable t = new ReportTable(wb.createSheet("Transitions"), st);
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
        ReportTable t = new ReportTable(wb.createSheet("Actual"), st);
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
        ReportTable t = new ReportTable(wb.createSheet("Divergences"), st);
        t.header("地区 region", "名称 name", "自 from", "至 to", "A " + s.arms().get(0).label(),
                "B " + s.arms().get(1).label());
        for (Divergence d : s.divergences()) {
            t.row(d.region(), d.regionName(), d.from(), d.to(), numeral(d.first()), numeral(d.second()));
        }
        t.width(2, 12).width(3, 12);
    }

    private static void issuesSheet(XSSFWorkbook wb, Styles st, List<DataIssue> issues) {
        ReportTable t = new ReportTable(wb.createSheet("Data issues"), st);
        t.header("严重性 severity", "代码 code", "位置 where", "说明 detail");
        for (DataIssue i : issues) {
            t.row(i.error() ? "error" : "warning", i.code(), i.where(), i.detail());
        }
        t.width(1, 22).width(2, 24).width(3, 100);
    }

    private static String numeral(Grade g) {
        return g == null ? "—" : g.numeral();
    }
}
