package io.quorate.chain.casper;

import io.quorate.format.ChainFormat;
import io.quorate.format.EntryOrder;
import io.quorate.format.Shape;
import io.quorate.policy.Chain;
import java.util.Map;

/** Casper accounts in canonical form: associated keys in account-hash order (the chain keeps them in a map by hash). */
public final class CasperFormat implements ChainFormat {

    @Override
    public Chain chain() {
        return Chain.CASPER;
    }

    @Override
    public Shape.Fields account() {
        return Shape.Fields.of("keys", "thresholds", "account_hash", "suppress")
                .with("options", Shape.Fields.of("version"))
                .with("keys", new Shape.ListOf(Shape.Fields.of("key", "weight").with("key", Shape.KEY), new EntryOrder.ByKey("key")))
                .with("thresholds", Shape.Fields.of("deployment", "key_management", "upgrade_management"));
    }

    @Override
    public Map<String, Shape> stepFields() {
        return Map.of("key", Shape.KEY);
    }
}
