package org.beacon.rules.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.beacon.rules.decision.FrozenOrderedMap;

/**
 * The outputs of one decision's answering rows so far, by name, each name's values without repeats in the order the
 * rows gave them, and the names in the order they first appeared. Kept by the numbers {@link OutputIndex} gave the
 * names when the version was built, so adding a row's outputs indexes arrays instead of hashing names; the map the
 * decision holds is made once, at the end, and not copied again by the decision. One per decision, on one thread.
 */
final class MergedOutputs {

    private final OutputIndex index;
    private final List<String>[] values;
    /** The numbers of the names given so far, in the order they first appeared. */
    private final int[] order;
    private int count;

    @SuppressWarnings("unchecked")
    MergedOutputs(OutputIndex index) {
        this.index = index;
        this.values = new List[index.size()];
        this.order = new int[index.size()];
    }

    /** Adds a row's outputs, in the row's order. */
    void add(RuleAnswer a) {
        int[] slots = a.outputSlots();
        String[] given = a.outputValues();
        for (int i = 0; i < slots.length; i++) {
            List<String> list = values[slots[i]];
            if (list == null) {
                // most names get one value; the labels of a grade's measures get several
                list = new ArrayList<>(4);
                values[slots[i]] = list;
                order[count++] = slots[i];
            }
            if (!list.contains(given[i])) {
                list.add(given[i]);
            }
        }
    }

    /** The values given for {@code name}, or an empty list. */
    List<String> get(String name) {
        for (int i = 0; i < count; i++) {
            if (index.name(order[i]).equals(name)) {
                return values[order[i]];
            }
        }
        return List.of();
    }

    /** Every name given, in the order it first appeared, with its values: frozen, so the decision keeps it as is. */
    @SuppressWarnings("unchecked")
    Map<String, List<String>> toMap() {
        String[] names = new String[count];
        List<String>[] lists = new List[count];
        for (int i = 0; i < count; i++) {
            names[i] = index.name(order[i]);
            lists[i] = values[order[i]];
        }
        return FrozenOrderedMap.ofEntries(names, lists, count);
    }
}
