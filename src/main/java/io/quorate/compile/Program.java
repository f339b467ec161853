package io.quorate.compile;

import io.quorate.policy.Chain;
import io.quorate.policy.Validity;
import java.util.Set;

/**
 * One authority compiled for evaluation: its entries already in the chain's visiting order, keys
 * and references replaced by numbers. Depending on the chain it is an EOS permission, a Hive role,
 * a Casper action threshold, an FT4 auth descriptor or a generic authority. Immutable.
 *
 * <p>{@code entries} are the authority's {@link Entry entries} in the chain's visiting order;
 * {@code flags} are an FT4 descriptor's flags by name (a set, so any number of distinct flags stays
 * distinct); {@code parent} is the parent's program (EOS, generic) or -1.
 */
public record Program(
        int id,
        Chain chain,
        int account,
        String accountName,
        String name,
        long threshold,
        Entry[] entries,
        int parent,
        Validity valid,
        Set<String> flags,
        String label) {

    /** How reports name it ({@code account@authority}); made once, the engine looks it up per decision. */
    public static String label(String accountName, String name) {
        return accountName + "@" + name;
    }

    public int size() {
        return entries.length;
    }
}
