package io.quorate.chain.hive;

import io.quorate.compile.Entry;
import io.quorate.rules.AuthorityCheck;

/** A Hive role at the root of a check: its rule states its threshold and entries (keys, then accounts). */
public final class HiveAuthorityCheck extends AuthorityCheck {

    private final HiveSignState state;

    public HiveAuthorityCheck(int target, HiveSignState state) {
        super(target);
        this.state = state;
    }

    /** Hive's {@code check_authority_impl} over the entries the rule states, at depth 0. */
    public boolean authority(long threshold, Entry... entries) {
        return state.checkRoot(entries, threshold);
    }
}
