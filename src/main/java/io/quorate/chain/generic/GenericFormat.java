package io.quorate.chain.generic;

import io.quorate.format.ChainFormat;
import io.quorate.format.Shape;
import io.quorate.policy.Chain;
import java.util.List;
import java.util.Map;

/** Generic accounts in canonical form. Every entry of an authority counts, so entries keep the order written. */
public final class GenericFormat implements ChainFormat {

    private static final Shape.Fields AUTHORITY = ChainFormat.authority(
            List.of("parent", "threshold", "keys", "accounts", "valid", "suppress"), "account", null, null, null);

    @Override
    public Chain chain() {
        return Chain.GENERIC;
    }

    @Override
    public Shape.Fields account() {
        return Shape.Fields.of("authorities", "actions", "suppress")
                .with("options", Shape.Fields.of("max_depth"))
                .with("authorities", new Shape.MapOf(AUTHORITY));
    }

    /** {@code set_authority} names the authority, then writes its fields as a policy does. */
    @Override
    public List<String> stepOrder(String op) {
        if (!op.equals("set_authority")) return null;
        List<String> order = new java.util.ArrayList<>(List.of("authority"));
        order.addAll(AUTHORITY.order());
        return order;
    }

    @Override
    public Map<String, Shape> stepFields() {
        return AUTHORITY.children();
    }
}
