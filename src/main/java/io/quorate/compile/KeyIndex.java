package io.quorate.compile;

import io.quorate.keys.KeyId;
import io.quorate.policy.KeyRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers every distinct key of a policy set, so compiled authorities compare small ints instead
 * of strings. Built once at compile time; read-only afterwards.
 */
public final class KeyIndex {

    private final Map<KeyId, Integer> ids = new HashMap<>();
    private final List<KeyRef> refs = new ArrayList<>();

    int intern(KeyRef ref) {
        Integer id = ids.get(ref.id());
        if (id != null) return id;
        ids.put(ref.id(), refs.size());
        refs.add(ref);
        return refs.size() - 1;
    }

    /** The number of a key, or -1 when no authority of the policy names it. */
    public int idOf(KeyId key) {
        Integer id = ids.get(key);
        return id == null ? -1 : id;
    }

    public KeyRef ref(int id) {
        return refs.get(id);
    }

    public int size() {
        return refs.size();
    }
}
