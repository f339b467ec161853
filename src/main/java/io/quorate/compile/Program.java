package io.quorate.compile;

import io.quorate.chain.ft4.Ft4Rule;
import io.quorate.policy.Chain;
import io.quorate.policy.Validity;
import java.util.Set;

/**
 * One authority compiled for evaluation: its entries already in the chain's visiting order, keys
 * and references replaced by numbers. Depending on the chain it is an EOS permission, a Hive role,
 * a Casper action threshold, an FT4 auth descriptor or a generic authority. Immutable.
 *
 * <p>{@code kinds[i]} is {@link #WAIT}, {@link #KEY} or {@link #ACCOUNT}; {@code refs[i]} is then the
 * wait in seconds, the key's number in the {@link KeyIndex}, or the referenced program (EOS,
 * generic) or account (Hive) number, -1 when the reference leads nowhere. {@code labels[i]} names
 * the entry for reports (key name, {@code account@authority}, {@code wait 3600s}). {@code flags} are an
 * FT4 descriptor's flags by name (a set, so any number of distinct flags stays distinct).
 */
public record Program(
        int id,
        Chain chain,
        int account,
        String accountName,
        String name,
        long threshold,
        byte[] kinds,
        long[] refs,
        int[] weights,
        String[] labels,
        int parent,
        Validity valid,
        Set<String> flags,
        Ft4Rule rules,
        String description,
        String label) {

    public static final byte WAIT = 0;
    public static final byte KEY = 1;
    public static final byte ACCOUNT = 2;

    /** How reports name it ({@code account@authority}); made once, the engine looks it up per decision. */
    public static String label(String accountName, String name) {
        return accountName + "@" + name;
    }

    public int size() {
        return kinds.length;
    }
}
