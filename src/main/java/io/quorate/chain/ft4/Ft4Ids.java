package io.quorate.chain.ft4;

import io.quorate.policy.KeyRef;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * FT4's ids. An auth descriptor's id is the GTV hash of {@code [auth_type, args, rules]}: auth type
 * 0 (single-sig, args {@code [flags, signer]}) or 1 (multi-sig, args
 * {@code [flags, signatures_required, signers]}), flags as strings, signers as bytes, rules null or
 * {@code [op, variable, value]} or {@code ["and", rule, …]}. An account's id is fixed when it is
 * registered: the hash of its one signer's key, or of the list of its signers.
 */
public final class Ft4Ids {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private Ft4Ids() {
    }

    /** The descriptor as FT4 hashes it. */
    public static List<Object> descriptorGtv(AuthDescriptor d) {
        List<Object> flags = new ArrayList<>(d.flags());
        List<Object> args = new ArrayList<>();
        args.add(flags);
        if (d.multiSig()) {
            args.add((long) d.required());
            args.add(signers(d.signers()));
        } else {
            args.add(signerBytes(d.signers().get(0)));
        }
        List<Object> gtv = new ArrayList<>();
        gtv.add(d.multiSig() ? 1L : 0L);
        gtv.add(args);
        gtv.add(d.rules() == null ? null : rulesGtv(d.rules()));
        return gtv;
    }

    /** The descriptor's id, 64 uppercase hex digits as Chromia's tools print it. */
    public static String descriptorId(AuthDescriptor d) {
        return HEX.formatHex(Gtv.hash(descriptorGtv(d)));
    }

    /** The id of an account registered with these signers, 64 uppercase hex digits. */
    public static String accountId(List<KeyRef> signers) {
        if (signers.isEmpty()) throw new IllegalArgumentException("an account id needs at least one signer");
        Object value = signers.size() == 1 ? signerBytes(signers.get(0)) : signers(signers);
        return HEX.formatHex(Gtv.hash(value));
    }

    /** {@code [op, variable, value]}, or {@code ["and", …]} of them. */
    public static List<Object> rulesGtv(Ft4Rule rules) {
        if (rules instanceof Ft4Rule.Comparison c) return comparison(c);
        List<Object> and = new ArrayList<>();
        and.add("and");
        for (Ft4Rule.Comparison c : rules.comparisons()) and.add(comparison(c));
        return and;
    }

    private static List<Object> comparison(Ft4Rule.Comparison c) {
        return List.of(c.op(), c.variable(), c.value());
    }

    private static List<Object> signers(List<KeyRef> keys) {
        List<Object> out = new ArrayList<>();
        for (KeyRef k : keys) out.add(signerBytes(k));
        return out;
    }

    /** A signer's bytes: the compressed public key, or the 20-byte EVM address. */
    static byte[] signerBytes(KeyRef key) {
        String canonical = key.id().canonical();
        int colon = canonical.indexOf(':');
        String scheme = canonical.substring(0, colon);
        if (!scheme.equals("secp256k1") && !scheme.equals("evm")) {
            throw new IllegalArgumentException("`" + key.label() + "` is not an FT4 signer");
        }
        return HexFormat.of().parseHex(canonical.substring(colon + 1));
    }
}
