package io.quorate.keys;

import java.util.function.Predicate;

/** How each chain writes public keys, and how to turn what a user wrote into a {@link KeyId}. */
public enum KeyFormat {
    /** {@code EOS…} (legacy) and {@code PUB_K1_…} / {@code PUB_R1_…}. */
    EOS(EosKeys::decode, EosKeys::looksLikeKey),
    /** {@code STM…} (and the testnet prefix {@code TST…}). */
    HIVE(HiveKeys::decode, HiveKeys::looksLikeKey),
    /** Tagged hex ({@code 01} Ed25519, {@code 02} secp256k1) or {@code account-hash-…}; identity is the account hash. */
    CASPER(CasperKeys::decode, CasperKeys::looksLikeKey),
    /** 33-byte compressed secp256k1 hex, or a 20-byte EVM address. */
    FT4(Ft4Keys::decode, Ft4Keys::looksLikeKey),
    /** Any non-empty string is a key of its own; nothing is shaped like one. */
    GENERIC(KeyFormat::generic, text -> false);

    /** A decoder that may refuse the text. */
    @FunctionalInterface
    private interface Decoder {
        KeyId decode(String text) throws KeyFormatException;
    }

    private final Decoder decoder;
    private final Predicate<String> shape;

    KeyFormat(Decoder decoder, Predicate<String> shape) {
        this.decoder = decoder;
        this.shape = shape;
    }

    /** Decodes {@code text}, checking its checksum or curve point where the format has one. */
    public KeyId decode(String text) throws KeyFormatException {
        return decoder.decode(text);
    }

    /**
     * True when {@code text} has the shape of a key in this format (prefix, alphabet, length), so a
     * mistyped key is reported as a bad key rather than as an unknown key name.
     */
    public boolean looksLikeKey(String text) {
        return shape.test(text);
    }

    private static KeyId generic(String text) throws KeyFormatException {
        if (text == null || text.isBlank()) {
            throw new KeyFormatException("a generic key cannot be empty", "write the key's name or text");
        }
        return new KeyId("generic:" + text);
    }
}
