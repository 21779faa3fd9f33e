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

    MarginsPrinter(PrintStream out) {
        this.out = out;
    }

    void print(Margins margins) {
        out.println();
        out.println("margins (nearest values at which the grade, warning, reporting duty or risk would change; "
                + "every other value as it is):");
        if (margins.indicators().isEmpty()) {
            out.println("  the situation gives no numeric indicator");
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
            out.println("    " + arrow + " " + where(same, up) + ": " + String.join(", ", same.rows())
                    + " also match" + (same.rows().size() == 1 ? "es" : "") + ", same answer");
        }
        if (change == null) {
            out.println("    " + arrow + " no change in range " + range);
        } else {
            out.println("    " + arrow + " " + where(change, up) + ": " + describe(change.answer())
                    + (change.rows().isEmpty() ? "" : "  (" + String.join(", ", change.rows()) + ")"));
        }
    }

    /** {@code at 30 (+18)}, or for a decimal past an open end {@code above 5 (+1.5)}. */
    private static String where(Margin m, boolean up) {
        String signed = (up ? "+" : "−") + plain(m.distance());
        return (m.beyond() ? up ? "above " : "below " : "at ") + plain(m.value()) + " (" + signed + ")";
    }

    static String describe(Answer a) {
        List<String> parts = new ArrayList<>();
        parts.add("grade " + (a.grade() == null ? "none" : a.grade().numeral() + " " + a.grade().chineseName()));
        parts.add("warning " + (a.colour() == null ? "none" : a.colour().code()));
        parts.add(a.reportingRequired() ? "report" + (a.reportWithinHours() == null ? ""
                : " within " + a.reportWithinHours() + " h") : "no reporting duty");
        if (a.riskLevel() != null) {
            parts.add("risk " + a.riskLevel().englishName());
        }
        if (a.areaRisk() != null) {
            parts.add("risk map " + a.areaRisk().code());
        }
        return String.join(", ", parts);
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }
}
