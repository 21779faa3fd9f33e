package org.beacon.rules.diff;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.beacon.rules.model.ActionDefinition;
import org.beacon.rules.model.Condition;
import org.beacon.rules.model.DecisionTable;
import org.beacon.rules.model.Grade;
import org.beacon.rules.model.Indicator;
import org.beacon.rules.model.Rule;
import org.beacon.rules.model.RuleSetModel;

/**
 * Compares two rule sets table by table, the way an expert reads them: indicators and parameters added, removed or
 * changed; rows added or removed; and rows that kept their conditions but changed their answer, or kept their answer
 * but moved a threshold. Rows are matched by content, not by position, so inserting a row does not make every row
 * below it "changed". Thread-safe: holds no state.
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
        return changes;
    }

    private static void indicators(RuleSetModel before, RuleSetModel after, List<Change> changes) {
        for (Indicator i : after.dictionary().indicators()) {
            before.dictionary().find(i.name()).ifPresentOrElse(o -> {
                List<String> what = new ArrayList<>();
                compare("type", o.type().code(), i.type().code(), what);
                compare("values", String.join(", ", o.values()), String.join(", ", i.values()), what);
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
        compare("hit policy", o.hitPolicy().label(), t.hitPolicy().label(), what);
        compare("event types", String.join(", ", o.eventTypes()), String.join(", ", t.eventTypes()), what);
        if (!what.isEmpty()) {
            changes.add(new Change("changed", "table", t.sheet(), String.join("; ", what)));
        }
        List<Rule> removed = new ArrayList<>(o.rules());
        List<Rule> added = new ArrayList<>();
        for (Rule r : t.rules()) {
            Rule same = find(removed, x -> conditions(x).equals(conditions(r)) && answer(x).equals(answer(r)));
            if (same != null) {
                removed.remove(same);
            } else {
                added.add(r);
            }
        }
        for (Rule r : new ArrayList<>(added)) {
            Rule sameConditions = find(removed, x -> conditions(x).equals(conditions(r)));
            if (sameConditions != null) {
                changes.add(new Change("changed", "row", r.id(), movedFrom(sameConditions, r) + "when "
                        + conditions(r) + ": " + answer(sameConditions) + " → " + answer(r)));
                removed.remove(sameConditions);
                added.remove(r);
            }
        }
        for (Rule r : new ArrayList<>(added)) {
            Rule sameAnswer = find(removed, x -> answer(x).equals(answer(r)));
            if (sameAnswer != null) {
                changes.add(new Change("changed", "row", r.id(), movedFrom(sameAnswer, r) + answer(r) + " now when "
                        + movedConditions(sameAnswer, r)));
                removed.remove(sameAnswer);
                added.remove(r);
            }
        }
        added.forEach(r -> changes.add(new Change("added", "row", r.id(), "when " + conditions(r) + ": "
                + answer(r))));
        removed.forEach(r -> changes.add(new Change("removed", "row", r.id(), "when " + conditions(r) + ": "
                + answer(r))));
    }

    /** {@code "was Cholera!R9; "} when the row moved, "" when it kept its place. */
    private static String movedFrom(Rule before, Rule after) {
        return before.id().equals(after.id()) ? "" : "was " + before.id() + "; ";
    }

    private static Rule find(List<Rule> rules, java.util.function.Predicate<Rule> test) {
        return rules.stream().filter(test).findFirst().orElse(null);
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
