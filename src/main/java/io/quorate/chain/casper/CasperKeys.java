package io.quorate.chain.casper;

import io.quorate.keys.Curves;
import io.quorate.keys.Digests;
import io.quorate.keys.Hex;
import io.quorate.keys.KeyFormat;
import io.quorate.keys.KeyFormatException;
import io.quorate.keys.KeyId;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Casper public keys: tagged hex ({@code 01} + 32 bytes Ed25519, {@code 02} + 33 bytes compressed
 * secp256k1), in either case since Casper prints a mixed-case checksummed form, and
 * {@code account-hash-…}. A key's identity is its account hash, because associated keys on chain
 * are account hashes: {@code 01…} and its {@code account-hash-…} are the same key.
 */
public final class CasperKeys {

    /** Tagged hex ({@code 01} Ed25519, {@code 02} secp256k1) or {@code account-hash-…}; identity is the account hash. */
    public static final KeyFormat FORMAT = KeyFormat.shaped(CasperKeys::decode, CasperKeys::looksLikeKey,
            point -> tagged(CasperKeys.SECP256K1, point));


    public static final int ED25519 = 1;
    public static final int SECP256K1 = 2;
    static final String ACCOUNT_HASH = "account-hash-";

    private static final int ED25519_LENGTH = 32;
    private static final int HASH_HEX_LENGTH = 64;
    private static final String FORMATS =
            "Casper keys are tagged hex (`01…` for ed25519, `02…` for secp256k1) or `account-hash-…`";

    private CasperKeys() {
    }

    public static KeyId decode(String text) throws KeyFormatException {
        return new KeyId("casper:" + Hex.encode(accountHashBytes(text)));
    }

    /** {@code account-hash-…}, or 60 or more hex-like characters (a tagged key, perhaps mistyped). */
    public static boolean looksLikeKey(String text) {
        return text.startsWith(ACCOUNT_HASH) || Hex.looksLikeHex(text, 0, 60);
    }

    /** The {@code account-hash-…} of a tagged public key; an account hash comes back in lowercase. */
    public static String accountHash(String taggedHex) throws KeyFormatException {
        return ACCOUNT_HASH + Hex.encode(accountHashBytes(taggedHex));
    }

    /** BLAKE2b-256 of the algorithm's name, a zero byte and the raw key: how Casper derives account hashes. */
    public static byte[] accountHashOf(int tag, byte[] rawKey) {
        checkRawKey(tag, rawKey);
        byte[] name = algorithm(tag).getBytes(StandardCharsets.UTF_8);
        return Digests.blake2b256(name, new byte[] {0}, rawKey);
    }

    /** The lowercase tagged hex of a raw key: {@code 01…} for ed25519, {@code 02…} for secp256k1. */
    public static String tagged(int tag, byte[] rawKey) {
        checkRawKey(tag, rawKey);
        return String.format("%02x", tag) + Hex.encode(rawKey);
    }

    private static byte[] accountHashBytes(String text) throws KeyFormatException {
        if (text.startsWith(ACCOUNT_HASH)) {
            int length = text.length() - ACCOUNT_HASH.length();
            if (length != HASH_HEX_LENGTH) {
                throw new KeyFormatException("account hashes are " + HASH_HEX_LENGTH
                        + " hex characters after `" + ACCOUNT_HASH + "`, got " + length,
                        "copy the account hash again from the wallet or block explorer");
            }
            return Hex.decode(text, ACCOUNT_HASH.length());
        }
        if (text.startsWith("01")) {
            byte[] raw = rawKey(text, ED25519, ED25519_LENGTH);
            if (!Ed25519.validatePublicKeyPartial(raw, 0)) {
                throw new KeyFormatException("the key's bytes are not a point on the ed25519 curve",
                        "copy the key again from the wallet");
            }
            return accountHashOf(ED25519, raw);
        }
        if (text.startsWith("02")) {
            byte[] raw = rawKey(text, SECP256K1, Curves.COMPRESSED_LENGTH);
            Curves.SECP256K1.requireCompressedPoint(raw, "copy the key again from the wallet");
            return accountHashOf(SECP256K1, raw);
        }
        if (text.length() >= 2 && Hex.looksLikeHex(text, 0, 2)) {
            throw new KeyFormatException("tag `" + text.substring(0, 2) + "` is not a Casper key algorithm", FORMATS);
        }
        throw new KeyFormatException("`" + text + "` is not a Casper public key", FORMATS);
    }

    private static byte[] rawKey(String text, int tag, int rawLength) throws KeyFormatException {
        int expected = 2 + 2 * rawLength;
        if (text.length() != expected) {
            throw new KeyFormatException(algorithm(tag) + " keys are " + expected
                    + " hex characters including the `0" + tag + "` tag, got " + text.length(),
                    text.length() < expected
                            ? "the key looks truncated; copy the whole key again from the wallet"
                            : "the key has extra characters; copy the key again from the wallet");
        }
        return Hex.decode(text, 2);
    }

    private static String algorithm(int tag) {
        return switch (tag) {
            case ED25519 -> "ed25519";
            case SECP256K1 -> "secp256k1";
            default -> throw new IllegalArgumentException("unknown Casper key tag " + tag);
        };
    }

    private static void checkRawKey(int tag, byte[] rawKey) {
        String algorithm = algorithm(tag);
        int expected = tag == ED25519 ? ED25519_LENGTH : Curves.COMPRESSED_LENGTH;
        if (rawKey.length != expected) {
            throw new IllegalArgumentException(algorithm + " keys are " + expected + " bytes, got " + rawKey.length);
        }
    }
}
