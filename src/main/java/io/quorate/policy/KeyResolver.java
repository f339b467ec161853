package io.quorate.policy;

import io.quorate.diag.SourceLocation;
import io.quorate.keys.KeyFormat;
import io.quorate.keys.KeyFormatException;
import io.quorate.keys.KeyId;
import io.quorate.yaml.Expect;
import io.quorate.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns what a policy writes where a key is expected into a {@link KeyRef}: a key name of the
 * same file first, then of the other files, else a public key in the account chain's format.
 */
public final class KeyResolver {

    public static final String INVALID_KEY = "invalid-key";
    public static final String UNKNOWN_KEY_NAME = "unknown-key-name";
    public static final String AMBIGUOUS_KEY_NAME = "ambiguous-key-name";

    private final Map<String, Map<String, NamedKey>> byFile = new LinkedHashMap<>();
    private final Set<String> names = new TreeSet<>();
    private final KeyDirectory directory;
    /** Every key text decoded so far, per format: a named key is used by several authorities, decoded once. */
    private final Map<KeyFormat, Map<String, KeyId>> decoded = new java.util.HashMap<>();
    /** The first spelling of each unnamed key, per chain, so every report names one key one way. */
    private final Map<Chain, Map<KeyId, String>> firstSpelling = new java.util.HashMap<>();

    public KeyResolver(List<NamedKey> keys) {
        for (NamedKey k : keys) {
            byFile.computeIfAbsent(k.at().file(), f -> new LinkedHashMap<>()).putIfAbsent(k.name(), k);
            names.add(k.name());
        }
        directory = KeyDirectory.remembered(keys, decoded);
    }

    /** The key {@code node} stands for in an account of {@code chain} declared in {@code file}, or null (reported). */
    public KeyRef resolve(Expect x, String file, Chain chain, YamlNode node, String context) {
        return resolve(x, file, chain, chain.keyFormat(), node, context);
    }

    /** As {@link #resolve(Expect, String, Chain, YamlNode, String)}, for an account that holds its keys to {@code format}. */
    public KeyRef resolve(Expect x, String file, Chain chain, KeyFormat format, YamlNode node, String context) {
        String text = x.string(node, context);
        if (text == null) return null;
        SourceLocation at = node.at();
        NamedKey local = byFile.getOrDefault(file, Map.of()).get(text);
        if (local != null) {
            KeyId id = decodeNamed(x, chain, format, local, at, context);
            // the name's own string (equal to the text): every reference to a named key shares one
            return id == null ? null : new KeyRef(local.name(), id);
        }
        List<NamedKey> elsewhere = new ArrayList<>();
        byFile.forEach((f, keys) -> {
            if (!f.equals(file) && keys.containsKey(text)) elsewhere.add(keys.get(text));
        });
        if (!elsewhere.isEmpty()) return resolveElsewhere(x, chain, format, text, elsewhere, at, context);
        return decodeLiteral(x, chain, format, text, at, context);
    }

    private KeyRef resolveElsewhere(Expect x, Chain chain, KeyFormat format, String name, List<NamedKey> definitions, SourceLocation at, String context) {
        Map<KeyId, NamedKey> ids = new LinkedHashMap<>();
        KeyFormatException last = null;
        for (NamedKey k : definitions) {
            try {
                ids.putIfAbsent(format.decode(k.text()), k);
            } catch (KeyFormatException e) {
                last = e;
            }
        }
        if (ids.size() == 1) return new KeyRef(definitions.get(0).name(), ids.keySet().iterator().next());
        if (ids.isEmpty()) {
            x.error(INVALID_KEY, at, context + ": key `" + name + "` (defined at " + definitions.get(0).at() + ") is not a valid "
                    + chain.id() + " public key: " + last.getMessage(), last.help());
            return null;
        }
        Set<String> where = new LinkedHashSet<>();
        ids.values().forEach(k -> where.add(k.at().toString()));
        x.error(AMBIGUOUS_KEY_NAME, at, context + ": key name `" + name + "` names different keys in other files ("
                + String.join(", ", where) + ")", "define `" + name + "` in this file, or write the public key");
        return null;
    }

    private KeyId decodeNamed(Expect x, Chain chain, KeyFormat format, NamedKey key, SourceLocation at, String context) {
        try {
            return KeyDirectory.decode(decoded, format, key.text());
        } catch (KeyFormatException e) {
            String help = format.looksLikeKey(key.text()) && e.help() != null ? e.help()
                    : "`" + key.name() + "` names a key of another format; use " + withArticle(chain) + " key here";
            x.error(INVALID_KEY, at, context + ": key `" + key.name() + "` (defined at " + key.at() + ") is not a valid "
                    + chain.id() + " public key: " + e.getMessage(), help);
            return null;
        }
    }

    private KeyRef decodeLiteral(Expect x, Chain chain, KeyFormat format, String text, SourceLocation at, String context) {
        try {
            KeyId id = format.decode(text);
            String first = firstSpelling.computeIfAbsent(chain, c -> new LinkedHashMap<>()).computeIfAbsent(id, k -> text);
            return new KeyRef(directory.label(chain, id, first), id);
        } catch (KeyFormatException e) {
            if (format.acceptsAnyText() || format.looksLikeKey(text)) {
                x.error(INVALID_KEY, at, context + ": `" + text + "` is not a valid " + chain.id() + " public key: " + e.getMessage(), e.help());
                return null;
            }
            String suggestion = x.didYouMean(text, names);
            String help = suggestion != null ? suggestion : "define it under `keys:` or write the public key";
            x.error(UNKNOWN_KEY_NAME, at, context + ": `" + text + "` is neither a key name nor " + withArticle(chain) + " public key", help);
            return null;
        }
    }

    /** "an eos", "a hive": the chain id with its article, as messages read it aloud. */
    public static String withArticle(Chain chain) {
        return chain.withArticle();
    }
}
