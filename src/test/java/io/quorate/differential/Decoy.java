package io.quorate.differential;

/**
 * An account of another chain added to some policies, so transactions can mix chains
 * (which both evaluators must refuse the same way).
 */
final class Decoy {

    static final String NAME = "decoy";

    private Decoy() {
    }

    /** Appends, sometimes, an account of a chain other than {@code policyChain}. */
    static void maybeAppend(Genes g, StringBuilder sb, String policyChain) {
        if (!g.chance(30)) return;
        sb.append("  ").append(NAME).append(":\n");
        if (policyChain.equals("casper")) {
            sb.append("    chain: generic\n    authorities: {admin: {threshold: 1, keys: [{key: \"decoy-key\", weight: 1}]}}\n");
        } else {
            sb.append("    chain: casper\n    keys: [{key: ").append(Yaml.q(Keyring.casperTagged(99))).append(", weight: 1}]\n");
        }
    }
}
