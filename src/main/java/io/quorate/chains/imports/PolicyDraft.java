package io.quorate.chains.imports;

import io.quorate.keys.KeyFormatException;
import io.quorate.keys.KeyId;
import io.quorate.policy.Chain;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policy being built from imported accounts: one {@code keys:} section naming every key once
 * (a key met again, however it is written, gets the name it was given first) and the accounts.
 */
public final class PolicyDraft {

    private record Identity(Chain chain, KeyId id) {
    }

    private final Map<Identity, String> names = new HashMap<>();
    private final Map<String, Object> keys = new LinkedHashMap<>();
    private final Map<String, Object> accounts = new YamlWriter.Block();
    private final Map<String, String> declaredIn = new HashMap<>();

    /**
     * The name of the key {@code text} (at {@code at}) for an account of {@code chain}: the name it
     * already has, or {@code suggested} (made unique). Null after recording a problem when the text
     * is not a key of the chain.
     */
    public String key(Chain chain, String text, String suggested, Json at) {
        KeyId id;
        try {
            id = chain.keyFormat().decode(text);
        } catch (KeyFormatException e) {
            at.problem("`" + text + "` is not a valid " + chain.id() + " public key: " + e.getMessage(), e.help());
            return null;
        }
        Identity identity = new Identity(chain, id);
        String name = names.get(identity);
        if (name != null) return name;
        name = suggested;
        for (int n = 2; keys.containsKey(name); n++) name = suggested + "_" + n;
        names.put(identity, name);
        keys.put(name, text);
        return name;
    }

    /** Adds an account; false after recording a problem when another file already declared it. */
    public boolean account(String name, Map<String, Object> body, Json at) {
        String previous = declaredIn.get(name);
        if (previous != null) {
            at.problem("account `" + name + "` is already imported from " + previous, "import each account once");
            return false;
        }
        declaredIn.put(name, at.file());
        accounts.put(name, body);
        return true;
    }

    public String yaml(List<String> comments) {
        Map<String, Object> root = new YamlWriter.Block();
        root.put("quorate", 1);
        if (!keys.isEmpty()) {
            Map<String, Object> k = new YamlWriter.Block();
            k.putAll(keys);
            root.put("keys", k);
        }
        root.put("accounts", accounts);
        return YamlWriter.write(comments, root);
    }
}
