package io.quorate.chain.hive;

import io.quorate.format.ChainFormat;
import io.quorate.format.EntryOrder;
import io.quorate.format.Shape;
import io.quorate.policy.Chain;
import java.util.List;
import java.util.Map;

/** Hive accounts in canonical form: roles owner, active, posting, each with keys in key order and accounts in name order. */
public final class HiveFormat implements ChainFormat {

    private static final Shape.Fields AUTHORITY = ChainFormat.authority(List.of("threshold", "keys", "accounts", "suppress"),
            "account", new EntryOrder.ByKey("key"), new EntryOrder.ByName("account"), null);

    @Override
    public Chain chain() {
        return Chain.HIVE;
    }

    @Override
    public Shape.Fields account() {
        return Shape.Fields.of("owner", "active", "posting", "suppress")
                .with("options", Shape.Fields.of("hardfork"))
                .with("owner", AUTHORITY).with("active", AUTHORITY).with("posting", AUTHORITY);
    }

    @Override
    public Map<String, Shape> stepFields() {
        return Map.of("owner", AUTHORITY, "active", AUTHORITY, "posting", AUTHORITY);
    }
}
