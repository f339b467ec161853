package io.quorate.policy;

import io.quorate.keys.KeyFormat;
import java.util.List;

/**
 * A chain a policy can declare accounts on, named by the id policies write in {@code chain:}. The
 * chains are the ones registered as {@link ChainSyntax} services, not a closed list: adding a
 * chain is a new package and its registration lines.
 */
public record Chain(String id) {

    // Well-known ids the compiled engine still names; they are ids, not the list of chains.
    public static final Chain EOS = new Chain("eos");
    public static final Chain HIVE = new Chain("hive");
    public static final Chain CASPER = new Chain("casper");
    public static final Chain FT4 = new Chain("ft4");
    public static final Chain GENERIC = new Chain("generic");

    /** How this chain writes public keys. */
    public KeyFormat keyFormat() {
        return ChainSyntaxes.of(this).keyFormat();
    }

    /** The chain's id with its article, as messages read it aloud: "an eos", "a hive". */
    public String withArticle() {
        return ChainSyntaxes.of(this).withArticle();
    }

    /** The registered chain named {@code id} (as written in policies), or null. */
    public static Chain byId(String id) {
        for (Chain c : all()) {
            if (c.id().equals(id)) return c;
        }
        return null;
    }

    /** Every registered chain, in registration order. */
    public static List<Chain> all() {
        return ChainSyntaxes.chains();
    }

    @Override
    public String toString() {
        return id;
    }
}
