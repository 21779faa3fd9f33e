package org.beacon.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import org.beacon.rules.decision.ConditionCheck;
import org.beacon.rules.decision.Decision;
import org.beacon.rules.decision.RuleMatch;
import org.beacon.rules.decision.SignalDecision;
import org.beacon.rules.decision.TableDecision;
import org.beacon.rules.model.ActionDefinition;
import org.beacon.rules.model.Situation;

/** Prints a decision for a person: the answer first, then each table, each fired row and why it fired. */
final class DecisionPrinter {

    private final PrintStream out;

    DecisionPrinter(PrintStream out) {
        this.out = out;
    }

    void print(Situation situation, Decision d) {
        out.println("situation: " + situation.eventType() + (situation.region() == null ? ""
                : " in " + situation.region().name() + " (" + situation.region().code() + ")")
                + (situation.asOf() == null ? "" : " as of " + situation.asOf()));
        if (d.noMatch()) {
            out.println("decision:  no row matched: no grade, no warning");
        } else {
            answer(d);
        }
        for (SignalDecision s : d.signals()) {
            out.println("signal:    " + s.source() + " → " + (s.colour() == null ? "no warning" : s.colour().code())
                    + "  " + s.statistics().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()
                    .toPlainString()).collect(java.util.stream.Collectors.joining(" ")));
        }
        out.println("rule set:  " + d.ruleSetId());
        List<String> notApplicable = d.tables().stream()
                .filter(t -> t.outcome() == TableDecision.Outcome.NOT_APPLICABLE).map(TableDecision::table).toList();
        for (TableDecision t : d.tables()) {
            if (t.outcome() != TableDecision.Outcome.NOT_APPLICABLE) {
                table(t);
            }
        }
        if (!notApplicable.isEmpty()) {
            out.println();
            out.println("not applicable to " + situation.eventType() + ": " + String.join(", ", notApplicable));
        }
    }

    /** The decision's grade, colour, response, risk, reporting duty, end and actions. */
    private void answer(Decision d) {
        out.println("decision:  grade " + (d.grade() == null ? "none" : d.grade().numeral() + " "
                + d.grade().chineseName()) + ", warning " + (d.colour() == null ? "none"
                : d.colour().code() + " " + d.colour().chineseName()));
        if (d.response() != null) {
            out.println("response:  grade " + d.response().grade().numeral() + (d.response().given()
                    ? " (given by the situation)" : " (decided by the grading tables)"));
        }
        if (d.riskLevel() != null) {
            out.println("risk:      " + d.riskLevel().chineseName() + " (" + d.riskLevel().englishName() + ")");
        }
        if (d.areaRisk() != null) {
            out.println("risk map:  " + d.areaRisk().chineseName() + " " + d.areaRisk().riskZh() + " ("
                    + d.areaRisk().code() + ", " + d.areaRisk().riskEn() + ")");
        }
        if (d.reporting().required()) {
            out.println("report:    within " + d.reporting().withinHours() + " h to "
                    + String.join("; ", d.reporting().reportTo()) + " (" + String.join(", ",
                    d.reporting().rows()) + ")");
        }
        if (d.termination() != null) {
            out.println("end:       " + d.termination());
        }
        for (ActionDefinition a : d.actionDetails()) {
            out.println("action:    " + a.code() + " " + a.nameZh() + " — lead " + String.join("、", a.leadZh())
                    + (a.responsibleZh().isEmpty() ? "" : "; with " + String.join("、", a.responsibleZh()))
                    + (a.withinHours() == null ? "" : a.withinHours() == 0 ? "; at once"
                    : "; within " + a.withinHours() + " h"));
        }
        if (d.actionDetails().isEmpty() && !d.actions().isEmpty()) {
            out.println("actions:   " + String.join(", ", d.actions()));
        }
    }

    /** One table's answer: its rows with their outputs and, when explained, each condition's value. */
    private void table(TableDecision t) {
        out.println();
        out.println(t.table() + (t.signal() == null ? "" : " [signal " + t.signal() + "]") + " (" + t.title()
                + ", " + t.hitPolicy() + "): "
                + (t.outcome() == TableDecision.Outcome.MATCHED ? "matched" : "no row matched"));
        for (RuleMatch m : t.matches()) {
            out.println("  " + m.ruleId() + (m.grade() == null ? "" : "  grade " + m.grade().numeral())
                    + (m.colour() == null ? "" : "  " + m.colour().code())
                    + (m.source().isEmpty() ? "" : "  [" + m.source() + (m.tag().isEmpty() ? "" : ", " + m.tag())
                    + "]"));
            m.outputs().forEach((k, v) -> out.println("      " + k + ": " + v));
            for (ConditionCheck c : m.explanation()) {
                boolean same = c.written().replace(" ", "").equals(c.test().replace(" ", ""));
                out.println("      " + c.indicator() + " " + c.test() + "  (value " + show(c.actual()) + "; "
                        + c.cell() + (same ? "" : " reads '" + c.written() + "'") + ")");
            }
        }
        if (!t.overruled().isEmpty()) {
            out.println("  also matched, not chosen under " + t.hitPolicy() + ": " + String.join(", ",
                    t.overruled()));
        }
    }

    private static String show(Object v) {
        return v instanceof BigDecimal n ? n.toPlainString() : String.valueOf(v);
    }
}
