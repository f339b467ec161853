package io.quorate.analysis;

import io.quorate.keys.KeyFormatException;
import io.quorate.keys.KeyId;
import io.quorate.policy.Chain;
import io.quorate.policy.KeyRef;
import io.quorate.policy.NamedKey;
import io.quorate.policy.PolicySet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every key the expansions meet, numbered once by identity (so two spellings of a key are one
 * variable), and who holds each key.
 */
public final class KeyTable {

    private final List<KeyRef> keys = new ArrayList<>();
    private final Map<KeyId, Integer> index = new HashMap<>();
    private final Map<KeyId, String> holders = new HashMap<>();

    public KeyTable(PolicySet policy) {
        for (NamedKey k : policy.keys()) {
            if (k.holder() == null) continue;
            for (Chain chain : Chain.all()) {
                try {
                    holders.putIfAbsent(chain.keyFormat().decode(k.text()), k.holder());
                } catch (KeyFormatException e) {
                    // not a key of this chain
                }
            }
        }
    }

    public int index(KeyRef key) {
        return index.computeIfAbsent(key.id(), id -> {
            keys.add(key);
            return keys.size() - 1;
        });
    }

    /** The holder of a key; a key nobody is named for is its own holder. */
    public String holder(KeyId id) {
        String h = holders.get(id);
        return h != null ? "holder:" + h : "key:" + id.canonical();
    }

    /** A formula over this table's numbers, renumbered over its own keys in first-seen order. */
    public Local localise(Formula global) {
        Map<Integer, Integer> local = new LinkedHashMap<>();
        Formula f = renumber(global, local);
        List<KeyRef> refs = new ArrayList<>();
        for (int g : local.keySet()) refs.add(keys.get(g));
        return new Local(f, refs);
    }

    public record Local(Formula formula, List<KeyRef> keys) {
    }

    private static Formula renumber(Formula f, Map<Integer, Integer> local) {
        if (f instanceof Formula.Key k) return new Formula.Key(local.computeIfAbsent(k.key(), g -> local.size()));
        if (f instanceof Formula.Threshold t) {
            List<Formula.Part> parts = new ArrayList<>();
            for (Formula.Part p : t.parts()) parts.add(new Formula.Part(renumber(p.formula(), local), p.weight()));
            return new Formula.Threshold(t.threshold(), parts);
        }
        if (f instanceof Formula.Any a) {
            List<Formula> any = new ArrayList<>();
            for (Formula x : a.formulas()) any.add(renumber(x, local));
            return new Formula.Any(any);
        }
        return f;
    }
}
