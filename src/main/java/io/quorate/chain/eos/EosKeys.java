package io.quorate.chain.eos;

import io.quorate.keys.ChecksummedPoint;
import io.quorate.keys.Curves;
import io.quorate.keys.KeyFormat;
import io.quorate.keys.KeyFormatException;
import io.quorate.keys.KeyId;

/**
 * EOS / Antelope public keys: legacy {@code EOS…} and {@code PUB_K1_…} (both secp256k1, the same
 * key in two spellings) and {@code PUB_R1_…} (secp256r1). Antelope chains other than EOS write the
 * legacy form with their own prefix ({@code FIO…}): the same base58 and RIPEMD-160 checksum, the
 * same key.
 */
public final class EosKeys {

    /**
     * {@code EOS…} (legacy, or another Antelope chain's prefix) and {@code PUB_K1_…} / {@code PUB_R1_…}:
     * what a transaction or a shared key list may name. An account holds its keys to its own prefix
     * ({@link #withLegacyPrefix}).
     */
    public static final KeyFormat FORMAT = KeyFormat.shaped(text -> decode(text, null), EosKeys::looksLikeKey, EosKeys::legacy);

    static final String LEGACY = "EOS";
    static final int MIN_PREFIX = 2;
    static final int MAX_PREFIX = 7;
    static final String K1 = "PUB_K1_";
    static final String R1 = "PUB_R1_";
    private static final String WEBAUTHN = "PUB_WA_";

    private EosKeys() {
    }

    /** The legacy keys of an account whose chain writes them with {@code prefix} ({@code options: {key_prefix}}). */
    public static KeyFormat withLegacyPrefix(String prefix) {
        return KeyFormat.shaped(text -> decode(text, prefix), EosKeys::looksLikeKey,
                point -> ChecksummedPoint.encode(prefix, Curves.SECP256K1, point, ""));
    }

    /** True when {@code prefix} can be a legacy key prefix: 2 to 7 capital letters. */
    public static boolean isLegacyPrefix(String prefix) {
        return prefix.length() >= MIN_PREFIX && prefix.length() <= MAX_PREFIX && prefix.chars().allMatch(c -> c >= 'A' && c <= 'Z');
    }

    /** The capital letters a legacy key starts with ({@code EOS}, {@code FIO}), or null when it has none. */
    public static String legacyPrefix(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) >= 'A' && text.charAt(i) <= 'Z') i++;
        return i < text.length() && isLegacyPrefix(text.substring(0, i)) ? text.substring(0, i) : null;
    }

    public static KeyId decode(String text) throws KeyFormatException {
        return decode(text, null);
    }

    /** Decodes {@code text}; a legacy key must use {@code onlyPrefix} unless it is null. */
    private static KeyId decode(String text, String onlyPrefix) throws KeyFormatException {
        if (text.startsWith(K1)) {
            return Curves.SECP256K1.keyId(ChecksummedPoint.decode(text, K1, Curves.SECP256K1, "K1", "EOS"));
        }
        if (text.startsWith(R1)) {
            return Curves.SECP256R1.keyId(ChecksummedPoint.decode(text, R1, Curves.SECP256R1, "R1", "EOS"));
        }
        if (text.startsWith(WEBAUTHN)) {
            throw new KeyFormatException("WebAuthn keys (`" + WEBAUTHN + "…`) are not supported",
                    "use a `PUB_K1_` or `PUB_R1_` key");
        }
        String prefix = text.startsWith("PUB_") ? null : legacyPrefix(text);
        if (prefix != null && onlyPrefix != null && !prefix.equals(onlyPrefix)) {
            throw new KeyFormatException("the key is written with the prefix `" + prefix + "`, but this account's keys use `"
                    + onlyPrefix + "`", "set the account's `options: {key_prefix: " + prefix + "}`, or write the key as `PUB_K1_…`");
        }
        if (prefix != null) {
            return Curves.SECP256K1.keyId(ChecksummedPoint.decode(text, prefix, Curves.SECP256K1, "", "EOS"));
        }
        throw new KeyFormatException("`" + text + "` is not an EOS public key",
                "EOS public keys start with `EOS` (or another Antelope chain's prefix, such as `FIO`), `PUB_K1_` or `PUB_R1_`");
    }

    /** A Graphene prefix followed by 20 or more letters and digits: long enough not to be a key name. */
    public static boolean looksLikeKey(String text) {
        String legacy = legacyPrefix(text);
        return legacy != null && ChecksummedPoint.looksLikeKey(text, legacy) || ChecksummedPoint.looksLikeKey(text, K1)
                || ChecksummedPoint.looksLikeKey(text, R1) || ChecksummedPoint.looksLikeKey(text, WEBAUTHN);
    }

    /** The legacy spelling {@code EOS…} of a compressed secp256k1 point. */
    public static String legacy(byte[] compressed33) {
        return ChecksummedPoint.encode(LEGACY, Curves.SECP256K1, compressed33, "");
    }

    /** The {@code PUB_K1_…} spelling of a compressed secp256k1 point. */
    public static String pubK1(byte[] compressed33) {
        return ChecksummedPoint.encode(K1, Curves.SECP256K1, compressed33, "K1");
    }

    /** The {@code PUB_R1_…} spelling of a compressed secp256r1 point. */
    public static String pubR1(byte[] compressed33) {
        return ChecksummedPoint.encode(R1, Curves.SECP256R1, compressed33, "R1");
    }
}
