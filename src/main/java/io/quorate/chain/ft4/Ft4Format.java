package io.quorate.chain.ft4;

import io.quorate.format.ChainFormat;
import io.quorate.format.Shape;
import io.quorate.policy.Chain;
import java.util.Map;

/**
 * FT4 accounts in canonical form. Signers keep their order: it is part of the descriptor, whose
 * id is the hash of its signers as listed.
 */
public final class Ft4Format implements ChainFormat {

    private static final Shape.Fields DESCRIPTOR = Shape.Fields.of("name", "main", "signers", "signatures_required", "flags", "rules", "suppress")
            .with("signers", new Shape.ListOf(Shape.KEY, null));

    @Override
    public Chain chain() {
        return Chain.FT4;
    }

    @Override
    public Shape.Fields account() {
        return Shape.Fields.of("account_id", "auth_descriptors", "suppress")
                .with("options", Shape.Fields.of("max_descriptors", "mandatory_flags"))
                .with("auth_descriptors", new Shape.MapOf(DESCRIPTOR));
    }

    @Override
    public Map<String, Shape> stepFields() {
        return Map.of("descriptor", DESCRIPTOR);
    }
}
