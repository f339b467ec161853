package io.quorate.chains;

import io.quorate.policy.Account;
import io.quorate.policy.Chain;
import io.quorate.policy.ChainServices;
import java.util.List;
import java.util.Map;

/**
 * What one chain calls the accounts and authorities a policy names. Registered in
 * {@code META-INF/services/io.quorate.chains.ChainIds}.
 */
public interface ChainIds {

    Chain chain();

    /** Every id known or derivable for {@code account}, in declaration order (none for a chain without ids). */
    List<OnChainId> of(Account account);

    /**
     * The form in which this chain compares an id written in a transaction with the ids of
     * {@link #of}: FT4 ids as upper-case hex, a Casper key as its account hash. Null when
     * {@code text} is no id of this chain (or the chain names accounts by their names).
     */
    default String comparable(String text) {
        return null;
    }

    /** The authorities of {@code account} a transaction may name by on-chain id ({@code account@authority} in {@link #of}). */
    default List<String> authoritiesNamedById(Account account) {
        return List.of();
    }

    /** Every registered chain's ids. */
    static Map<Chain, ChainIds> all() {
        return Registered.BY_CHAIN;
    }

    /** Loaded once, on first use. */
    final class Registered {
        private static final Map<Chain, ChainIds> BY_CHAIN = ChainServices.load(ChainIds.class, ChainIds::chain);

        private Registered() {
        }
    }
}
