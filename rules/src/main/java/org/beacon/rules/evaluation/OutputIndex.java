package org.beacon.rules.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beacon.rules.model.ActionDefinition;
import org.beacon.rules.model.Rule;
import org.beacon.rules.model.TypedOutputs;

/**
 * Every output name and action code the rows of one rule set give, numbered once per compiled version, with the
 * catalogue entry of each code and the hours of every {@code reportWithin} value the rows write: a decision merges
 * its rows' outputs and actions by number into arrays and reads the reporting time limit from here, instead of
 * hashing each name and code into a map and matching each limit against a pattern for every situation (BENCHMARKS.md,
 * "In-process round 3 (issue 25 item 1)"). Filled while the version is built, then only read:
 * thread-safe once the evaluator that owns it is constructed.
 */
final class OutputIndex {

    private final Map<String, Integer> slots = new LinkedHashMap<>();
    private final Map<String, Integer> hours = new HashMap<>();
    private String[] names = new String[0];
    private final Map<String, Integer> actionSlots = new LinkedHashMap<>();
    private String[] actionCodes = new String[0];
    private final List<ActionDefinition> actionDetails = new ArrayList<>();

    /** The number of each of the rule's outputs, in the rule's own order; numbers new names as it meets them. */
    int[] slotsOf(Rule r) {
        int[] of = new int[r.outputs().size()];
        int i = 0;
        for (Map.Entry<String, String> e : r.outputs().entrySet()) {
            of[i++] = slots.computeIfAbsent(e.getKey(), k -> slots.size());
            if (e.getKey().equals(TypedOutputs.REPORT_WITHIN) && e.getValue() != null) {
                TypedOutputs.hours(e.getValue()).ifPresent(h -> hours.put(e.getValue(), h));
            }
        }
        names = slots.keySet().toArray(String[]::new);
        return of;
    }

    /**
     * The number of each of the rule's action codes, in the rule's order; numbers new codes as it meets them, with
     * their entry in {@code catalogue} (null for a code it does not list).
     */
    int[] actionSlotsOf(Rule r, Map<String, ActionDefinition> catalogue) {
        int[] of = new int[r.actions().size()];
        for (int i = 0; i < of.length; i++) {
            of[i] = actionSlots.computeIfAbsent(r.actions().get(i), code -> {
                actionDetails.add(catalogue.get(code));
                return actionSlots.size();
            });
        }
        actionCodes = actionSlots.keySet().toArray(String[]::new);
        return of;
    }

    /** How many action codes the rule set's rows give. */
    int actionCount() {
        return actionDetails.size();
    }

    /** The action code numbered {@code slot}. */
    String actionCode(int slot) {
        return actionCodes[slot];
    }

    /** The catalogue entry of the action code numbered {@code slot}, or null. */
    ActionDefinition actionDetail(int slot) {
        return actionDetails.get(slot);
    }

    /** How many output names the rule set's rows give. */
    int size() {
        return names.length;
    }

    /** The output name numbered {@code slot}. */
    String name(int slot) {
        return names[slot];
    }

    /** The hours of a {@code reportWithin} value: as {@link TypedOutputs#hours}, which it falls back to. */
    Integer hours(String reportWithin) {
        Integer h = hours.get(reportWithin);
        return h != null ? h : TypedOutputs.hours(reportWithin).orElseThrow();
    }
}
