package io.quorate.policy;

import io.quorate.keys.KeyFormat;
import io.quorate.keys.KeyFormatException;
import io.quorate.keys.KeyId;
import io.quorate.yaml.Suggest;
import java.lang.ref.SoftReference;
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

    private final Map<Chain, Map<String, Resolution>> byName;
    private final Map<Chain, Map<KeyId, String>> nameOf = new HashMap<>();

    /**
     * The directory of named keys built last, for the list it was built from: the loader builds one
     * while it reads the accounts, and the compiler's {@link #of(PolicySet)} of the same policy
     * then copies it instead of decoding every key again (a curve-point check each). Soft, so it
     * never keeps a policy's keys alive under memory pressure.
     */
    private static volatile SoftReference<Named> lastNamed = new SoftReference<>(null);

    private record Named(List<NamedKey> keys, KeyDirectory directory) {
    }

    public KeyDirectory(List<NamedKey> keys) {
        this(keys, new HashMap<>());
    }

    /** A directory of {@code keys}, decoded through {@code decoded} (format → text → key), which it fills. */
    KeyDirectory(List<NamedKey> keys, Map<KeyFormat, Map<String, KeyId>> decoded) {
        byName = new HashMap<>();
        if (keys.size() >= PARALLEL_DECODING) decodeInParallel(keys, decoded);
        for (Chain chain : Chain.all()) {
            Map<String, Set<KeyId>> ids = new LinkedHashMap<>();
            Map<KeyId, String> names = new HashMap<>();
            for (NamedKey k : keys) {
                // Decoding checks the curve point, which is costly: try only the formats the text has the shape of.
                if (!chain.keyFormat().acceptsAnyText() && !chain.keyFormat().looksLikeKey(k.text())) continue;
                try {
                    KeyId id = decode(decoded, chain.keyFormat(), k.text());
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

    /** A directory of {@code keys} that {@link #of(PolicySet)} reuses for a policy holding this very list. */
    static KeyDirectory remembered(List<NamedKey> keys, Map<KeyFormat, Map<String, KeyId>> decoded) {
        KeyDirectory directory = new KeyDirectory(keys, decoded);
        lastNamed = new SoftReference<>(new Named(keys, directory));
        return directory;
    }

    /** Named keys from which decoding is spread over the cores: each decode checks a curve point (a square root). */
    private static final int PARALLEL_DECODING = 2_048;

    /**
     * Decodes every key in the formats whose shape it has, on all cores, into {@code decoded}; a
     * text that does not decode is left out, to be decoded (and reported) where it is used.
     */
    private static void decodeInParallel(List<NamedKey> keys, Map<KeyFormat, Map<String, KeyId>> decoded) {
        for (Chain chain : Chain.all()) {
            KeyFormat format = chain.keyFormat();
            if (format.acceptsAnyText() || decoded.containsKey(format)) continue;
            Map<String, KeyId> byText = new java.util.concurrent.ConcurrentHashMap<>();
            keys.parallelStream().filter(k -> format.looksLikeKey(k.text())).forEach(k -> {
                try {
                    byText.put(k.text(), format.decode(k.text()));
                } catch (KeyFormatException e) {
                    // decoded again where the key is used, which reports it
                }
            });
            decoded.put(format, new HashMap<>(byText));
        }
    }

    /** A copy whose names of unnamed keys can grow apart from {@code named}'s; the named keys are shared. */
    private KeyDirectory(KeyDirectory named) {
        byName = named.byName;
        named.nameOf.forEach((chain, names) -> nameOf.put(chain, new HashMap<>(names)));
    }

    /** {@code format.decode(text)}, remembered in {@code decoded}; a text that does not decode throws each time. */
    static KeyId decode(Map<KeyFormat, Map<String, KeyId>> decoded, KeyFormat format, String text) throws KeyFormatException {
        Map<String, KeyId> byText = decoded.computeIfAbsent(format, f -> new HashMap<>());
        KeyId id = byText.get(text);
        if (id == null) {
            id = format.decode(text);
            byText.put(text, id);
        }
        return id;
    }

    /** A directory of the policy's named keys that also knows how the policy spells its unnamed keys. */
    public static KeyDirectory of(PolicySet policy) {
        Named last = lastNamed.get();
        KeyDirectory directory;
        if (last != null && last.keys() == policy.keys()) {
            directory = new KeyDirectory(last.directory());
            lastNamed = new SoftReference<>(null); // used once: the loader's copy is not kept beside this one
        } else {
            directory = new KeyDirectory(policy.keys());
        }
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
