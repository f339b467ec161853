package io.quorate.chain.eos;

import io.quorate.format.ChainFormat;
import io.quorate.format.EntryOrder;
import io.quorate.format.Shape;
import io.quorate.keys.Curves;
import io.quorate.keys.KeyFormatException;
import io.quorate.keys.KeyId;
import io.quorate.policy.Chain;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * EOS accounts in canonical form: permissions with keys in key order, accounts by actor then
 * permission, waits by seconds (the order {@code updateauth} requires and the checker visits).
 */
public final class EosFormat implements ChainFormat {

    private static final Shape.Fields AUTHORITY = ChainFormat.authority(
            List.of("parent", "threshold", "keys", "accounts", "waits", "suppress"), "permission",
            new EntryOrder.ByKey("key"), new EntryOrder.ByName("permission"), new EntryOrder.ByNumber("seconds"));

    @Override
    public Chain chain() {
        return Chain.EOS;
    }

    @Override
    public Shape.Fields account() {
        return Shape.Fields.of("permissions", "links", "suppress")
                .with("options", Shape.Fields.of("max_authority_depth", "key_prefix"))
                .with("permissions", new Shape.MapOf(AUTHORITY));
    }

    @Override
    public Map<String, Shape> stepFields() {
        return Map.of("auth", AUTHORITY);
    }

    /** A legacy {@code EOS…} key becomes {@code PUB_K1_…}; another Antelope chain's prefix ({@code FIO…}) is that chain's choice and stays. */
    @Override
    public String currentKeyForm(String text) {
        if (!EosKeys.LEGACY.equals(EosKeys.legacyPrefix(text)) || !EosKeys.looksLikeKey(text)) return null;
        try {
            KeyId id = EosKeys.decode(text);
            String hex = id.canonical().substring(id.canonical().indexOf(':') + 1);
            return id.canonical().startsWith(Curves.SECP256K1.curveName() + ":") ? EosKeys.pubK1(HexFormat.of().parseHex(hex)) : null;
        } catch (KeyFormatException e) {
            return null;
        }
    }
}
