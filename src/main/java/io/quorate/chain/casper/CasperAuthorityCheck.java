package io.quorate.chain.casper;

import io.quorate.compile.Entry;
import io.quorate.rules.AuthorityCheck;
import io.quorate.rules.Signatures;

/**
 * A Casper action threshold: its rule states the threshold and the associated keys with their
 * weights; the distinct associated signers' weights add with saturation at 255
 * ({@code AssociatedKeys::calculate_keys_weight}).
 */
public final class CasperAuthorityCheck extends AuthorityCheck {

    public static final int MAX_WEIGHT = 255;

    private final Signatures signatures;

    public CasperAuthorityCheck(int target, Signatures signatures) {
        super(target);
        this.signatures = signatures;
    }

    public boolean weight(long threshold, Entry... associatedKeys) {
        return saturatingWeight(associatedKeys, signatures) >= threshold;
    }

    /** The weight of an associated key (the first entry naming it), or -1 when it is not associated. */
    public static int weightOf(Entry[] associatedKeys, int key) {
        for (Entry e : associatedKeys) {
            if (e.ref() == key) return e.weight();
        }
        return -1;
    }

    public static int saturatingWeight(Entry[] associatedKeys, Signatures signatures) {
        int total = 0;
        for (int slot = 0; slot < signatures.size(); slot++) {
            int w = weightOf(associatedKeys, signatures.keys[slot]);
            if (w > 0) total = Math.min(MAX_WEIGHT, total + w);
        }
        return total;
    }
}
