package io.quorate.chain.hive;

import io.quorate.policy.Chain;
import io.quorate.signatures.NativeTransaction;
import io.quorate.signatures.SignatureEntry;
import java.util.List;
import java.util.Map;

/** A signed Hive transaction given as {@code hive_transaction}, with an optional {@code chain_id} beside or inside it. */
public final class HiveSignedTransaction implements NativeTransaction {

    private static final String CHAIN_ID = "chain_id";

    @Override
    public Chain chain() {
        return Chain.HIVE;
    }

    @Override
    public String field() {
        return "hive_transaction";
    }

    @Override
    public List<String> companionFields() {
        return List.of(CHAIN_ID);
    }

    @Override
    public String help() {
        return "give the transaction as dhive or beem print it; supported operations: "
                + String.join(", ", HiveTransaction.supportedOperations());
    }

    @Override
    public Parsed parse(Map<String, Object> tree, Map<String, String> companions) {
        Object inner = tree.remove(CHAIN_ID);
        String chainId = companions.containsKey(CHAIN_ID) ? companions.get(CHAIN_ID)
                : inner instanceof String s ? s : HiveTransaction.MAINNET_CHAIN_ID;
        byte[] digest = HiveTransaction.digest(tree, chainId);
        List<SignatureEntry> signatures = HiveTransaction.signatures(tree).stream().map(SignatureEntry::of).toList();
        List<Operation> operations = HiveTransaction.needs(tree).stream().map(n -> new Operation(n.account(), n.action(), n.data())).toList();
        return new Parsed(digest, signatures, operations);
    }
}
