package org.beacon.rules.diff;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.beacon.rules.model.ActionDefinition;
import org.beacon.rules.model.Condition;
import org.beacon.rules.model.DecisionTable;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.Indicator;
import org.beacon.rules.model.Rule;
import org.beacon.rules.model.RuleSetModel;
import org.beacon.rules.model.TestSheetCase;

/**
 * Compares two rule sets table by table, the way an expert reads them: indicators and parameters added, removed or
 * changed; rows added or removed; and rows that kept their conditions but changed their answer, or kept their answer
 * but moved a threshold; and the rows of the Tests sheets the same way. Rows are matched by content, not by position,
 * so inserting a row does not make every row below it "changed". Thread-safe: holds no state.
 */
public final class RuleSetDiff {

    private RuleSetDiff() {
    }

    public static List<Change> between(RuleSetModel before, RuleSetModel after) {
        List<Change> changes = new ArrayList<>();
        indicators(before, after, changes);
        parameters(before.parameters(), after.parameters(), changes);
        actions(before.actions(), after.actions(), changes);
        for (Grade g : Grade.values()) {
            if (!Objects.equals(before.colours().get(g), after.colours().get(g))) {
                changes.add(new Change("changed", "colour", g.numeral(), g.numeral() + ": "
                        + before.colours().get(g) + " → " + after.colours().get(g)));
            }
        }
        Map<String, DecisionTable> old = new LinkedHashMap<>();
        before.tables().forEach(t -> old.put(t.sheet(), t));
        for (DecisionTable t : after.tables()) {
            DecisionTable o = old.remove(t.sheet());
            if (o == null) {
                changes.add(new Change("added", "table", t.sheet(), t.title() + " (" + t.rules().size() + " rows)"));
            } else {
                table(o, t, changes);
            }
        }
        old.values().forEach(t -> changes.add(new Change("removed", "table", t.sheet(), t.title() + " ("
                + t.rules().size() + " rows)")));
        tests(before.tests(), after.tests(), changes);
        return changes;
    }

    private static void indicators(RuleSetModel before, RuleSetModel after, List<Change> changes) {
        for (Indicator i : after.dictionary().indicators()) {
            before.dictionary().find(i.name()).ifPresentOrElse(o -> {
                List<String> what = new ArrayList<>();
                compare("type", o.type().code(), i.type().code(), what);
                compare("values", o.valuesText(), i.valuesText(), what);
                compare("decimals", o.decimals() == null ? "any" : o.decimals().toString(),
                        i.decimals() == null ? "any" : i.decimals().toString(), what);
                compare("range", o.rangeText(), i.rangeText(), what);
                compare("unit", o.unit(), i.unit(), what);
                if (!what.isEmpty()) {
                    changes.add(new Change("changed", "indicator", i.name(), String.join("; ", what)));
                }
            }, () -> changes.add(new Change("added", "indicator", i.name(), i.type().code() + " "
                    + i.descriptionEn())));
        }
        for (Indicator o : before.dictionary().indicators()) {
            if (after.dictionary().find(o.name()).isEmpty()) {
                changes.add(new Change("removed", "indicator", o.name(), o.type().code()));
            }
        }
    }

    private static void parameters(Map<String, BigDecimal> before, Map<String, BigDecimal> after,
            List<Change> changes) {
        after.forEach((name, value) -> {
            BigDecimal o = before.get(name);
            if (o == null) {
                changes.add(new Change("added", "parameter", name, "= " + value.toPlainString()));
            } else if (o.compareTo(value) != 0) {
                changes.add(new Change("changed", "parameter", name, o.toPlainString() + " → "
                        + value.toPlainString()));
            }
        });
        before.keySet().stream().filter(n -> !after.containsKey(n)).forEach(n ->
                changes.add(new Change("removed", "parameter", n, "was " + before.get(n).toPlainString())));
    }

    /** Measures of the action catalogue: who leads, who takes part, how soon, as a reviewer of a plan reads them. */
    private static void actions(Map<String, ActionDefinition> before, Map<String, ActionDefinition> after,
            List<Change> changes) {
        after.forEach((code, a) -> {
            ActionDefinition o = before.get(code);
            if (o == null) {
                changes.add(new Change("added", "action", code, a.nameZh() + " — lead " + String.join("、",
                        a.leadZh()) + hours(a.withinHours())));
                return;
            }
            List<String> what = new ArrayList<>();
            compare("措施", o.nameZh(), a.nameZh(), what);
            compare("lead", String.join("、", o.leadZh()), String.join("、", a.leadZh()), what);
            compare("responsible", String.join("、", o.responsibleZh()), String.join("、", a.responsibleZh()), what);
            compare("within", hours(o.withinHours()).strip(), hours(a.withinHours()).strip(), what);
            if (!what.isEmpty()) {
                changes.add(new Change("changed", "action", code, String.join("; ", what)));
            }
        });
        before.keySet().stream().filter(c -> !after.containsKey(c)).forEach(c ->
                changes.add(new Change("removed", "action", c, before.get(c).nameZh())));
    }

    private static String hours(Integer within) {
        return within == null ? " no time limit" : within == 0 ? " at once" : " within " + within + " h";
    }

    private static void table(DecisionTable o, DecisionTable t, List<Change> changes) {
        List<String> what = new ArrayList<>();
        compare("title", o.title(), t.title(), what);
        compare("hit policy", o.hitPolicyLabel(), t.hitPolicyLabel(), what);
        compare("event types", String.join(", ", o.eventTypes()), String.join(", ", t.eventTypes()), what);
        if (!what.isEmpty()) {
            changes.add(new Change("changed", "table", t.sheet(), String.join("; ", what)));
        }
        Matches<Rule> m = Matches.of(o.rules(), t.rules(), RuleSetDiff::conditions, RuleSetDiff::answer);
        m.sameFirst().forEach(p -> changes.add(new Change("changed", "row", p.after().id(),
                movedFrom(p.before().id(), p.after().id()) + "when " + conditions(p.after()) + ": "
                + answer(p.before()) + " → " + answer(p.after()))));
        m.sameSecond().forEach(p -> changes.add(new Change("changed", "row", p.after().id(),
                movedFrom(p.before().id(), p.after().id()) + answer(p.after()) + " now when "
                + movedConditions(p.before(), p.after()))));
        m.added().forEach(r -> changes.add(new Change("added", "row", r.id(), "when " + conditions(r) + ": "
                + answer(r))));
        m.removed().forEach(r -> changes.add(new Change("removed", "row", r.id(), "when " + conditions(r) + ": "
                + answer(r))));
    }

    /**
     * Rows of the Tests sheets, matched by content within their workbook like table rows: what a case gives and
     * what it expects. The NOTE cell and the cells' positions are not content: moving a case is no change.
     */
    private static void tests(List<TestSheetCase> before, List<TestSheetCase> after, List<Change> changes) {
        Matches<TestSheetCase> m = Matches.of(before, after, t -> t.workbook() + "\n" + given(t),
                t -> t.workbook() + "\n" + expected(t));
        m.sameFirst().forEach(p -> changes.add(new Change("changed", "test", where(p.after()), movedFrom(
                p.before().location(), p.after().location()) + "given " + given(p.after()) + ": expect "
                + expected(p.before()) + " → expect " + expected(p.after()))));
        m.sameSecond().forEach(p -> changes.add(new Change("changed", "test", where(p.after()), movedFrom(
                p.before().location(), p.after().location()) + "expect " + expected(p.after()) + " now given "
                + given(p.after()) + " (was " + given(p.before()) + ")")));
        m.added().forEach(t -> changes.add(new Change("added", "test", where(t), "given " + given(t) + ": expect "
                + expected(t))));
        m.removed().forEach(t -> changes.add(new Change("removed", "test", where(t), "given " + given(t)
                + ": expect " + expected(t))));
    }

    /** {@code national-grading.xlsx Tests!R34}: every workbook may have a sheet named Tests. */
    private static String where(TestSheetCase t) {
        return t.workbook() + " " + t.location();
    }

    /** {@code eventType = cholera, cases = 30}, or {@code nothing}. */
    private static String given(TestSheetCase t) {
        List<String> parts = new ArrayList<>();
        t.given().forEach((name, value) -> parts.add(name + " = " + (value instanceof BigDecimal n
                ? n.stripTrailingZeros().toPlainString() : value)));
        return parts.isEmpty() ? "nothing" : String.join(", ", parts);
    }

    /** {@code grade Ⅱ, colour orange, rows Cholera!R8}, in column order, each cell's values sorted. */
    private static String expected(TestSheetCase t) {
        return t.expectations().stream().map(e -> e.output() + " " + (e.values().isEmpty() ? "none"
                : String.join(", ", new java.util.TreeSet<>(e.values())))).collect(Collectors.joining(", "));
    }

    /** {@code "was Cholera!R9; "} when the row moved, "" when it kept its place. */
    private static String movedFrom(String before, String after) {
        return before.equals(after) ? "" : "was " + before + "; ";
    }

    /** {@code cases ≥ 30, deaths = 0}, or {@code always}. */
    private static String conditions(Rule r) {
        List<String> parts = new ArrayList<>();
        for (Condition c : r.conditions()) {
            if (!c.isAny()) {
                parts.add(c.indicator().name() + " " + c.criterion().describe());
            }
        }
        return parts.isEmpty() ? "always" : String.join(", ", parts);
    }

    /** What a row answers: grade, colour, actions and outputs. */
    private static String answer(Rule r) {
        List<String> parts = new ArrayList<>();
        if (r.grade() != null) {
            parts.add("grade " + r.grade().numeral());
        }
        if (r.colour() != null) {
            parts.add("colour " + r.colour().code());
        }
        if (!r.actions().isEmpty()) {
            parts.add("actions " + String.join(", ", r.actions()));
        }
        r.outputs().forEach((k, v) -> parts.add(k + " \"" + v + "\""));
        return parts.isEmpty() ? "no output" : String.join(", ", parts);
    }

    /** {@code cases ≥ 25 (was ≥ 30, Cholera!A8)} for each indicator whose test moved, with the cell it is in now. */
    private static String movedConditions(Rule before, Rule after) {
        Map<String, String> old = new LinkedHashMap<>();
        before.conditions().forEach(c -> old.put(c.indicator().name(), c.criterion().describe()));
        List<String> parts = new ArrayList<>();
        for (Condition c : after.conditions()) {
            String was = old.remove(c.indicator().name());
            String now = c.criterion().describe();
            if (!now.equals(was)) {
                parts.add(c.indicator().name() + " " + now + " (was " + (was == null ? "not tested" : was) + ", "
                        + c.cell() + ")");
            }
        }
        old.forEach((name, was) -> parts.add(name + " no longer tested (was " + was + ")"));
        return String.join(", ", parts);
    }

    private static void compare(String what, String before, String after, List<String> into) {
        if (!Objects.equals(before, after)) {
            into.add(what + ": " + before + " → " + after);
        }
    }
}
