package io.quorate.policy;

import io.quorate.keys.KeyFormatException;
import io.quorate.keys.KeyId;
import io.quorate.yaml.Suggest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns what a transaction calls a key (a key name from any policy file, or a public key in the
 * chain's format) into a {@link KeyRef}, and finds the name reports should use for a key.
 * Immutable and thread-safe once built; all decoding happens at construction.
 */
public final class KeyDirectory {

    /** Outcome of resolving one string: a key, or why there is none. */
    public record Resolution(KeyRef key, String problem) {
    }

    private final Map<Chain, Map<String, Resolution>> byName = new HashMap<>();
    private final Map<Chain, Map<KeyId, String>> nameOf = new HashMap<>();

    public KeyDirectory(List<NamedKey> keys) {
        for (Chain chain : Chain.all()) {
            Map<String, Set<KeyId>> ids = new LinkedHashMap<>();
            Map<KeyId, String> names = new HashMap<>();
            for (NamedKey k : keys) {
                // Decoding checks the curve point, which is costly: try only the formats the text has the shape of.
                if (!chain.keyFormat().acceptsAnyText() && !chain.keyFormat().looksLikeKey(k.text())) continue;
                try {
                    KeyId id = chain.keyFormat().decode(k.text());
                    ids.computeIfAbsent(k.name(), n -> new LinkedHashSet<>()).add(id);
                    names.putIfAbsent(id, k.name());
                } catch (KeyFormatException e) {
                    // not a key of this chain: the name does not resolve for it
                }
            }
            Map<String, Resolution> resolved = new HashMap<>();
            ids.forEach((name, set) -> resolved.put(name, set.size() == 1
                    ? new Resolution(new KeyRef(name, set.iterator().next()), null)
                    : new Resolution(null, "key name `" + name + "` names " + set.size()
                            + " different keys in different policy files")));
            byName.put(chain, resolved);
            nameOf.put(chain, names);
        }
    }

    /** A directory of the policy's named keys that also knows how the policy spells its unnamed keys. */
    public static KeyDirectory of(PolicySet policy) {
        KeyDirectory directory = new KeyDirectory(policy.keys());
        for (Account account : policy.accounts().values()) {
            Map<KeyId, String> names = directory.nameOf.get(account.chain());
            for (KeyRef key : PolicyKeys.of(account)) names.putIfAbsent(key.id(), key.label());
        }
        return directory;
    }

    /** Resolves a key name or public key for an account of {@code chain}. */
    public Resolution resolve(Chain chain, String text) {
        Resolution named = byName.get(chain).get(text);
        if (named != null) return named;
        try {
            KeyId id = chain.keyFormat().decode(text);
            return new Resolution(new KeyRef(label(chain, id, text), id), null);
        } catch (KeyFormatException e) {
            // a word that looks like a name gets the nearest key name; what looks like a key, the decoding problem
            String suggestion = chain.keyFormat().looksLikeKey(text) ? null : Suggest.didYouMean(text, byName.get(chain).keySet());
            return new Resolution(null, "`" + text + "` is neither a key name of the policy nor a valid "
                    + chain.id() + " public key: " + (suggestion != null ? suggestion : e.getMessage()));
        }
    }

    /** The name of a key with this identity, or {@code fallback} when it has none. */
    public String label(Chain chain, KeyId id, String fallback) {
        return nameOf.get(chain).getOrDefault(id, fallback);
    }
}
