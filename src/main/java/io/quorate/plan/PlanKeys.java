package io.quorate.plan;

import io.quorate.policy.Chain;
import io.quorate.policy.KeyDirectory;
import io.quorate.policy.KeyRef;
import io.quorate.yaml.Expect;
import io.quorate.yaml.YamlNode;

/** Keys as a plan writes them: names from the policy or the plan's own {@code keys:}, or public keys. */
public final class PlanKeys {

    static final String UNKNOWN_KEY = "unknown-key";

    private final KeyDirectory directory;

    PlanKeys(KeyDirectory directory) {
        this.directory = directory;
    }

    /** The key {@code node} names for an account of {@code chain}, or null (reported). */
    public KeyRef resolve(Expect x, Chain chain, YamlNode node, String context) {
        String text = x.string(node, context);
        if (text == null) return null;
        KeyDirectory.Resolution r = directory.resolve(chain, text);
        if (r.key() == null) {
            x.error(UNKNOWN_KEY, node.at(), context + ": " + r.problem(),
                    "name it under the plan's `keys:` or the policy's, or write the public key");
        }
        return r.key();
    }

    /** The identity of a key a step's signatures name, or null when it names none (the engine then reports it). */
    public io.quorate.keys.KeyId id(Chain chain, String text) {
        KeyDirectory.Resolution r = directory.resolve(chain, text);
        return r.key() == null ? null : r.key().id();
    }
}
