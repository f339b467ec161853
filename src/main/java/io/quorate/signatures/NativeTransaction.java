package io.quorate.signatures;

import io.quorate.policy.Chain;
import io.quorate.policy.ChainServices;
import java.util.List;
import java.util.Map;

/**
 * A chain's own signed transaction as its tools print it (a Hive transaction, a Casper deploy),
 * from which the digest, the signatures and the operations to authorize are derived. Registered
 * in {@code META-INF/services/io.quorate.signatures.NativeTransaction}.
 */
public interface NativeTransaction {

    Chain chain();

    /** The field of a transaction file that holds it, e.g. {@code hive_transaction}. */
    String field();

    /** Fields written beside it that belong to it, e.g. Hive's {@code chain_id}. */
    default List<String> companionFields() {
        return List.of();
    }

    /** How to write it, said when it cannot be read. */
    String help();

    /**
     * Its digest, signatures and operations.
     *
     * @param companions the companion fields written beside it, by name
     * @throws IllegalArgumentException saying what is wrong with it
     */
    Parsed parse(Map<String, Object> tree, Map<String, String> companions);

    /**
     * One operation: the account whose authority it needs, the action, and what it does as the
     * chain names it (a transfer's {@code from}, {@code to}, {@code amount}, {@code memo}; a Casper
     * transfer's {@code target} and {@code amount} in motes), empty when the operation moves nothing.
     */
    record Operation(String account, String action, Map<String, String> data) {

        public Operation {
            data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
        }

        public Operation(String account, String action) {
            this(account, action, Map.of());
        }
    }

    /** What the transaction gives. */
    record Parsed(byte[] digest, List<SignatureEntry> signatures, List<Operation> operations) {
    }

    /** Every registered native transaction, by chain. */
    static Map<Chain, NativeTransaction> all() {
        return Registered.BY_CHAIN;
    }

    /** Loaded once, on first use. */
    final class Registered {
        private static final Map<Chain, NativeTransaction> BY_CHAIN = ChainServices.load(NativeTransaction.class, NativeTransaction::chain);

        private Registered() {
        }
    }
}
