package io.quorate.reference;

import io.quorate.policy.Chain;
import io.quorate.policy.ChainServices;
import io.quorate.policy.PolicySet;
import java.util.Map;

/**
 * One chain's part of the reference evaluator: its authorization algorithm transcribed plainly.
 * Registered in {@code META-INF/services/io.quorate.reference.ChainReference}.
 */
public interface ChainReference {

    Chain chain();

    /** The chain's algorithm over {@code policy}'s accounts. */
    ChainCheck check(PolicySet policy);

    /** True when the chain rejects a transaction that one key signed twice. */
    default boolean rejectsDuplicateSignatures() {
        return false;
    }

    /** Every registered chain's reference part. */
    static Map<Chain, ChainReference> all() {
        return Registered.BY_CHAIN;
    }

    /** Loaded once, on first use. */
    final class Registered {
        private static final Map<Chain, ChainReference> BY_CHAIN = ChainServices.load(ChainReference.class, ChainReference::chain);

        private Registered() {
        }
    }
}
