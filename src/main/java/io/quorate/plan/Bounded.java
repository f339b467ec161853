package io.quorate.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A small cache keyed by object identity (policy set states are compared by identity: equal
 * content never needs to be recognised), keeping the most recently used entries and handing the
 * ones it drops to {@code onEvict}, so a long reorder search does not hold every state it tried.
 */
final class Bounded<K, V> {

    private record Identity(Object key) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity other && other.key == key;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(key);
        }
    }

    private final Map<Identity, V> entries;

    Bounded(int capacity, Consumer<V> onEvict) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Identity, V> eldest) {
                if (size() <= capacity) return false;
                onEvict.accept(eldest.getValue());
                return true;
            }
        };
    }

    V get(K key, Function<K, V> compute) {
        Identity id = new Identity(key);
        V v = entries.get(id);
        if (v == null) {
            v = compute.apply(key);
            entries.put(id, v);
        }
        return v;
    }

    void clear(Consumer<V> each) {
        entries.values().forEach(each);
        entries.clear();
    }
}
