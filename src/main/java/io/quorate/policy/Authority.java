package io.quorate.policy;

import io.quorate.diag.SourceLocation;
import java.util.List;

/**
 * A threshold and its weighted entries. {@code parent} is used by EOS permissions and generic
 * authorities; {@code valid} only by generic authorities; {@code waits} only by EOS.
 */
public record Authority(
        String name,
        long threshold,
        List<KeyWeight> keys,
        List<AccountWeight> accounts,
        List<WaitWeight> waits,
        String parent,
        Validity valid,
        SourceLocation at,
        SourceLocation thresholdAt) {

    /** An authority whose threshold is reported where the authority is (built, not read from a file). */
    public Authority(String name, long threshold, List<KeyWeight> keys, List<AccountWeight> accounts, List<WaitWeight> waits,
                     String parent, Validity valid, SourceLocation at) {
        this(name, threshold, keys, accounts, waits, parent, valid, at, at);
    }

    public Authority {
        if (thresholdAt == null) thresholdAt = at;
        keys = List.copyOf(keys);
        accounts = List.copyOf(accounts);
        waits = List.copyOf(waits);
    }

    /** Sum of every entry's weight, as a long so that no chain's sum can overflow. */
    public long totalWeight() {
        long total = 0;
        for (KeyWeight k : keys) total += k.weight();
        for (AccountWeight a : accounts) total += a.weight();
        for (WaitWeight w : waits) total += w.weight();
        return total;
    }
}
