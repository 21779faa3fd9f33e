package org.beacon.rules.decision;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An unmodifiable copy of a map that keeps its order, and that a record's constructor can recognise as one: a rule's
 * answer with its explanation is built on every decision from the answer without it, and copying the same outputs
 * again each time was a tenth of what a decision allocated (BENCHMARKS.md, "In-process, round 2"). A
 * {@code Collections.unmodifiableMap} cannot be taken as is, since its caller may still hold the map inside; this one
 * is only ever made by copying, so nothing outside holds its map.
 */
public final class FrozenOrderedMap<K, V> extends AbstractMap<K, V> {

    private final Map<K, V> view;

    private FrozenOrderedMap(Map<K, V> copy) {
        this.view = Collections.unmodifiableMap(copy);
    }

    /** {@code map} itself when it is already frozen, else a frozen copy in its order. */
    public static <K, V> Map<K, V> copyOf(Map<K, V> map) {
        if (map instanceof FrozenOrderedMap<K, V> frozen) {
            return frozen;
        }
        return new FrozenOrderedMap<>(new LinkedHashMap<>(map));
    }

    /**
     * The first {@code count} keys with their values, in that order (a later repeat of a key replaces its value):
     * for a decision that gathered its outputs in arrays, one map instead of a map and then its frozen copy.
     */
    public static <K, V> Map<K, V> ofEntries(K[] keys, V[] values, int count) {
        Map<K, V> map = new LinkedHashMap<>(count * 4 / 3 + 1);
        for (int i = 0; i < count; i++) {
            map.put(keys[i], values[i]);
        }
        return new FrozenOrderedMap<>(map);
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return view.entrySet();
    }

    @Override
    public int size() {
        return view.size();
    }

    @Override
    public boolean isEmpty() {
        return view.isEmpty();
    }

    @Override
    public V get(Object key) {
        return view.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return view.containsKey(key);
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        view.forEach(action);
    }
}
