package org.beacon.rules.replay.report;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.beacon.rules.csv.SafeCsvWriter;
import org.beacon.rules.model.Grade;
import org.beacon.rules.replay.ReplayResult.ArmStep;
import org.beacon.rules.replay.ReplayResult.Step;
import org.beacon.rules.replay.ReplayResult.Summary;
import org.beacon.rules.replay.Replayer;

/**
 * Writes steps.csv as a listener of the replay: every step as a CSV row as it arrives (region, date, the derived
 * indicators, then per arm the decided grade, colour, recommended level and transition, then the actual level),
 * flushed when the run is over. Holds nothing but the column list. Region codes and names come from the uploaded
 * timeline, so cells go through {@link SafeCsvWriter}: a name such as {@code =HYPERLINK(…)} opens in a spreadsheet
 * as text.
 */
public final class ReplayCsvWriter implements Replayer.Listener {

    private final SafeCsvWriter out;
    private final List<String> indicators;

    /**
     * @param arms the arms' labels ({@link Replayer#labels()})
     * @param indicators the indicator columns, in order (a step without one leaves its cell empty), e.g.
     *     {@link org.beacon.rules.replay.DerivedIndicators#columns}
     */
    public ReplayCsvWriter(Writer writer, List<String> arms, List<String> indicators) {
        this.indicators = List.copyOf(indicators);
        List<String> header = new ArrayList<>(List.of("region", "regionName", "date"));
        header.addAll(indicators);
        for (String arm : arms) {
            String p = arms.size() == 1 ? "" : arm + ".";
            header.addAll(List.of(p + "ruleSet", p + "decidedGrade", p + "colour", p + "level", p + "transition",
                    p + "problem"));
        }
        header.add("actualLevel");
        out = new SafeCsvWriter(writer);
        out.record(header);
    }

    @Override
    public void region(List<Step> steps) {
        for (Step s : steps) {
            List<Object> row = new ArrayList<>(List.of(s.region(), s.regionName(), s.date()));
            Map<String, Object> values = s.indicators();
            for (String name : indicators) {
                Object v = values.get(name);
                row.add(v == null ? "" : v);
            }
            for (ArmStep a : s.arms()) {
                row.add(a.ruleSet());
                row.add(numeral(a.decided()));
                row.add(a.colour() == null ? "" : a.colour().code());
                row.add(numeral(a.level()));
                row.add(a.transition() == null ? "" : a.transition().kind());
                row.add(a.problem() == null ? "" : a.problem());
            }
            row.add(numeral(s.actual()));
            out.record(row);
        }
    }

    /** The run is over: everything written reaches the writer (which the caller closes). */
    @Override
    public void finished(Summary summary) {
        out.flush();
    }

    private static String numeral(Grade g) {
        return g == null ? "" : g.numeral();
    }
}
