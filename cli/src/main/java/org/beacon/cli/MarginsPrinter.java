package org.beacon.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.beacon.rules.decision.Margins;
import org.beacon.rules.decision.Margins.Answer;
import org.beacon.rules.decision.Margins.IndicatorMargin;
import org.beacon.rules.decision.Margins.Margin;

/**
 * Prints a decision's margins for a person: per numeric indicator, the nearest value above and below at which the
 * answer would change, how far it is, and what the answer would then be.
 */
final class MarginsPrinter {

    private final PrintStream out;
    private final CommandLineText text;

    MarginsPrinter(PrintStream out, CommandLineText text) {
        this.out = out;
        this.text = text;
    }

    void print(Margins margins) {
        out.println();
        out.println(text.get("margins.title"));
        if (margins.indicators().isEmpty()) {
            out.println(text.get("margins.noIndicator"));
        }
        for (IndicatorMargin m : margins.indicators()) {
            out.println("  " + m.indicator() + " " + m.value().toPlainString()
                    + (m.unit() == null || m.unit().isEmpty() ? "" : " " + m.unit()));
            direction("↑", m.above(), m.sameAnswerAbove(), m.range(), true);
            direction("↓", m.below(), m.sameAnswerBelow(), m.range(), false);
        }
    }

    private void direction(String arrow, Margin change, Margin same, String range, boolean up) {
        if (same != null) {
            out.println(text.get(same.rows().size() == 1 ? "margins.sameOne" : "margins.same", arrow,
                    where(same, up), String.join(", ", same.rows())));
        }
        if (change == null) {
            out.println(text.get("margins.noChange", arrow, range));
        } else {
            out.println(text.get("margins.change", arrow, where(change, up), describe(change.answer()),
                    change.rows().isEmpty() ? "" : text.get("margins.rows", String.join(", ", change.rows()))));
        }
    }

    /** {@code at 30 (+18)}, or for a decimal past an open end {@code above 5 (+1.5)}. */
    private String where(Margin m, boolean up) {
        String signed = (up ? "+" : "−") + plain(m.distance());
        return text.get(m.beyond() ? up ? "margins.above" : "margins.below" : "margins.at", plain(m.value()), signed);
    }

    String describe(Answer a) {
        String none = text.get("decision.none");
        List<String> parts = new ArrayList<>();
        parts.add(text.get("margins.grade", a.grade() == null ? none
                : a.grade().numeral() + " " + a.grade().chineseName()));
        parts.add(text.get("margins.warning", a.colour() == null ? none : a.colour().code()));
        parts.add(!a.reportingRequired() ? text.get("margins.noReport") : a.reportWithinHours() == null
                ? text.get("margins.report") : text.get("margins.reportWithin", a.reportWithinHours()));
        if (a.riskLevel() != null) {
            parts.add(text.get("margins.risk", a.riskLevel().chineseName(), a.riskLevel().englishName()));
        }
        if (a.areaRisk() != null) {
            parts.add(text.get("margins.riskMap", a.areaRisk().code()));
        }
        return String.join(text.get("margins.separator"), parts);
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }
}
