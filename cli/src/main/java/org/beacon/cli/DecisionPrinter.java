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
import org.beacon.rules.model.TypedOutputs;

/**
 * Prints a decision for a person, in the command line's language: the answer first, then each table, each fired row
 * and why it fired. What the tables hold (codes, names, departments, cells) is printed as written.
 */
final class DecisionPrinter {

    /** Outputs the lines above already say in words of their own (risk, risk map, report, end). */
    private static final java.util.Set<String> SHOWN_ABOVE = java.util.Set.of(TypedOutputs.RISK_LEVEL,
            TypedOutputs.AREA_RISK, TypedOutputs.REPORT_WITHIN, TypedOutputs.TERMINATION, "reportTo", "reportToEn");

    private final PrintStream out;
    private final CommandLineText text;

    DecisionPrinter(PrintStream out, CommandLineText text) {
        this.out = out;
        this.text = text;
    }

    void print(Situation situation, Decision d) {
        out.println(text.get("decision.situation", situation.eventType() == null ? "" : situation.eventType(),
                situation.region() == null ? "" : situation.region().name() == null
                ? text.get("decision.inRegionCode", situation.region().code())
                : text.get("decision.inRegion", situation.region().name(), situation.region().code()),
                situation.asOf() == null ? "" : text.get("decision.asOf", situation.asOf())));
        if (d.noMatch()) {
            out.println(text.get("decision.noMatch"));
        } else {
            answer(d);
        }
        for (SignalDecision s : d.signals()) {
            out.println(text.get("decision.signal", s.source(), s.colour() == null ? text.get("decision.noWarning")
                    : s.colour().code(), s.statistics().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()
                    .toPlainString()).collect(java.util.stream.Collectors.joining(" "))));
        }
        out.println(text.get("decision.ruleSet", d.ruleSetId()));
        List<String> notApplicable = d.tables().stream()
                .filter(t -> t.outcome() == TableDecision.Outcome.NOT_APPLICABLE).map(TableDecision::table).toList();
        for (TableDecision t : d.tables()) {
            if (t.outcome() != TableDecision.Outcome.NOT_APPLICABLE) {
                table(t);
            }
        }
        if (!notApplicable.isEmpty()) {
            out.println();
            out.println(text.get("decision.notApplicable", situation.eventType(), String.join(", ", notApplicable)));
        }
    }

    /** The decision's grade, colour, response, risk, reporting duty, end and actions. */
    private void answer(Decision d) {
        String none = text.get("decision.none");
        out.println(text.get("decision.grade", d.grade() == null ? none : d.grade().numeral() + " "
                + d.grade().chineseName(), d.colour() == null ? none
                : d.colour().code() + " " + d.colour().chineseName()));
        if (d.response() != null) {
            out.println(text.get("decision.response", d.response().grade().numeral(), text.get(d.response().given()
                    ? "decision.responseGiven" : "decision.responseDecided")));
        }
        if (d.riskLevel() != null) {
            out.println(text.get("decision.risk", d.riskLevel().chineseName(), d.riskLevel().englishName()));
        }
        if (d.areaRisk() != null) {
            out.println(text.get("decision.riskMap", d.areaRisk().chineseName(), d.areaRisk().riskZh(),
                    d.areaRisk().code(), d.areaRisk().riskEn()));
        }
        if (d.reporting().required()) {
            out.println(text.get("decision.report", d.reporting().withinHours(),
                    String.join("; ", d.reporting().reportTo()), String.join(", ", d.reporting().rows())));
        }
        if (d.termination() != null) {
            out.println(text.get("decision.end", d.termination()));
        }
        for (ActionDefinition a : d.actionDetails()) {
            out.println(text.get("decision.action", a.code(), a.nameZh(), String.join("、", a.leadZh()),
                    a.responsibleZh().isEmpty() ? "" : text.get("decision.with", String.join("、", a.responsibleZh())),
                    a.withinHours() == null ? "" : a.withinHours() == 0 ? text.get("decision.atOnce")
                    : text.get("decision.within", a.withinHours())));
        }
        if (d.actionDetails().isEmpty() && !d.actions().isEmpty()) {
            out.println(text.get("decision.actions", String.join(", ", d.actions())));
        }
        String outputs = d.outputs().entrySet().stream().filter(e -> !SHOWN_ABOVE.contains(e.getKey()))
                .map(e -> e.getKey() + " " + String.join(", ", e.getValue()))
                .collect(java.util.stream.Collectors.joining("; "));
        if (!outputs.isEmpty()) {
            out.println(text.get("decision.outputs", outputs));
        }
    }

    /** One table's answer: its rows with their outputs and, when explained, each condition's value. */
    private void table(TableDecision t) {
        out.println();
        out.println(text.get("decision.table", t.table(), t.signal() == null ? ""
                : text.get("decision.tableSignal", t.signal()), t.title(), t.hitPolicy(),
                text.get(t.outcome() == TableDecision.Outcome.MATCHED ? "decision.matched" : "decision.noRowMatched")));
        for (RuleMatch m : t.matches()) {
            out.println("  " + m.ruleId()
                    + (m.grade() == null ? "" : text.get("decision.rowGrade", m.grade().numeral()))
                    + (m.colour() == null ? "" : "  " + m.colour().code())
                    + (m.source().isEmpty() ? "" : "  [" + m.source() + (m.tag().isEmpty() ? "" : ", " + m.tag())
                    + "]"));
            m.outputs().forEach((k, v) -> out.println("      " + k + ": " + v));
            for (ConditionCheck c : m.explanation()) {
                boolean same = c.written().replace(" ", "").equals(c.test().replace(" ", ""));
                Object actual = c.actual() == null ? text.get("decision.missing") : show(c.actual());
                out.println(text.get("decision.condition", c.indicator(), c.test(), actual, c.cell(),
                        same ? "" : text.get("decision.reads", c.written())));
            }
        }
        if (!t.overruled().isEmpty()) {
            out.println(text.get("decision.overruled", t.hitPolicy(), String.join(", ", t.overruled())));
        }
    }

    private static String show(Object v) {
        return v instanceof BigDecimal n ? n.toPlainString() : String.valueOf(v);
    }
}
