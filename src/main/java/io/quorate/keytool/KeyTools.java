package io.quorate.keytool;

import io.quorate.keys.KeyFormatException;
import io.quorate.policy.Chain;
import io.quorate.policy.ChainServices;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The registered {@link ChainKeyTool}s: generating key pairs and showing a public key in every chain's forms. */
public final class KeyTools {

    private static final Map<Chain, ChainKeyTool> BY_CHAIN = ChainServices.load(ChainKeyTool.class, ChainKeyTool::chain);

    private KeyTools() {
    }

    /** The chains that can generate keys, in registration order. */
    public static Collection<Chain> chains() {
        return BY_CHAIN.keySet();
    }

    /** The tool of {@code chain}, or null when the chain has no key pairs of its own (generic). */
    public static ChainKeyTool of(Chain chain) {
        return BY_CHAIN.get(chain);
    }

    /** A fresh key pair of {@code chain}; {@code algorithm} null picks the chain's default. */
    public static NewKey generate(Chain chain, String algorithm, SecureRandom random) {
        ChainKeyTool tool = BY_CHAIN.get(chain);
        if (tool == null) throw new IllegalArgumentException("chain `" + chain.id() + "` has no key pairs of its own");
        String chosen = algorithm == null ? tool.algorithms().get(0) : algorithm;
        if (!tool.algorithms().contains(chosen)) {
            throw new IllegalArgumentException("chain `" + chain.id() + "` has no `" + chosen + "` keys: "
                    + String.join(", ", tool.algorithms()));
        }
        return tool.generate(chosen, random);
    }

    /**
     * The key {@code text} spells in any chain's format. When no chain reads it, the exception
     * carries the explanations of the chains whose keys it looks like, or says it looks like none.
     */
    public static PublicKey parse(String text) throws KeyFormatException {
        List<KeyFormatException> problems = new ArrayList<>();
        List<String> chains = new ArrayList<>();
        for (ChainKeyTool tool : BY_CHAIN.values()) {
            try {
                PublicKey key = tool.parse(text);
                if (key != null) return key;
            } catch (KeyFormatException e) {
                problems.add(e);
                chains.add(tool.chain().id());
            }
        }
        if (problems.isEmpty()) {
            throw new KeyFormatException("`" + text + "` is not a public key of any supported chain",
                    "public keys look like `PUB_K1_…` or `EOS…` (eos), `STM…` (hive), `01…`, `02…` or `account-hash-…` (casper), "
                            + "66 hex digits (ft4)");
        }
        if (problems.size() == 1) {
            KeyFormatException only = problems.get(0);
            throw new KeyFormatException(chains.get(0) + " key: " + only.getMessage(), only.help());
        }
        StringBuilder message = new StringBuilder();
        for (int i = 0; i < problems.size(); i++) {
            if (i > 0) message.append("; ");
            message.append("as ").append(chains.get(i)).append(" key: ").append(problems.get(i).getMessage());
        }
        throw new KeyFormatException(message.toString(), problems.get(0).help());
    }

    /** {@code key} in every registered chain's forms, chain by chain. */
    public static List<KeyForm> forms(PublicKey key) {
        List<KeyForm> out = new ArrayList<>();
        for (ChainKeyTool tool : BY_CHAIN.values()) out.addAll(tool.forms(key));
        return out;
    }
}
