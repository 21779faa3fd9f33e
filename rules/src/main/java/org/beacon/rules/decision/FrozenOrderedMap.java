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
 * {@code Collections.unmodifiableMap} cannot be taken as is, since its caller may still hold the map inside.
 */
final class FrozenOrderedMap<K, V> extends AbstractMap<K, V> {

    private final Map<K, V> view;

    private FrozenOrderedMap(Map<K, V> copy) {
        this.view = Collections.unmodifiableMap(copy);
    }

    /** {@code map} itself when it is already frozen, else a frozen copy in its order. */
    static <K, V> Map<K, V> copyOf(Map<K, V> map) {
        if (map instanceof FrozenOrderedMap<K, V> frozen) {
            return frozen;
        }
        return new FrozenOrderedMap<>(new LinkedHashMap<>(map));
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
