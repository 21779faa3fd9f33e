package org.beacon.rules.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Items of two versions of a list paired by content, as an expert compares two versions of a sheet: an item equal
 * in both keys is unchanged wherever it moved; then an item that kept its first key (a row's conditions, a test's
 * givens) changed its second, and one that kept its second key (the answer, the expectation) changed its first;
 * the rest were added or removed.
 *
 * @param sameFirst pairs that kept their first key
 * @param sameSecond pairs that kept their second key
 * @param added items of the new list without a partner
 * @param removed items of the old list without a partner
 */
record Matches<T>(List<Pair<T>> sameFirst, List<Pair<T>> sameSecond, List<T> added, List<T> removed) {

    record Pair<T>(T before, T after) {
    }

    static <T> Matches<T> of(List<T> before, List<T> after, Function<T, String> first, Function<T, String> second) {
        List<T> removed = new ArrayList<>(before);
        List<T> added = new ArrayList<>();
        for (T item : after) {
            T same = take(removed, x -> first.apply(x).equals(first.apply(item))
                    && second.apply(x).equals(second.apply(item)));
            if (same == null) {
                added.add(item);
            }
        }
        List<Pair<T>> sameFirst = pair(added, removed, first);
        List<Pair<T>> sameSecond = pair(added, removed, second);
        return new Matches<>(sameFirst, sameSecond, added, removed);
    }

    /** Pairs each added item with the first removed one of equal key, taking both out of their lists. */
    private static <T> List<Pair<T>> pair(List<T> added, List<T> removed, Function<T, String> key) {
        List<Pair<T>> pairs = new ArrayList<>();
        for (T item : new ArrayList<>(added)) {
            T partner = take(removed, x -> Objects.equals(key.apply(x), key.apply(item)));
            if (partner != null) {
                pairs.add(new Pair<>(partner, item));
                added.remove(item);
            }
        }
        return pairs;
    }

    /** Removes and returns the first item that passes, or null. */
    private static <T> T take(List<T> items, java.util.function.Predicate<T> test) {
        for (int i = 0; i < items.size(); i++) {
            if (test.test(items.get(i))) {
                return items.remove(i);
            }
        }
        return null;
    }
}
