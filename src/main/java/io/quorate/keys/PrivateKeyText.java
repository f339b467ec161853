package io.quorate.keys;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * How wallets write a secp256k1 private key: WIF (base58 of {@code 0x80}, the 32 bytes and four
 * bytes of double SHA-256; EOS legacy and Hive) and Antelope's {@code PVT_K1_…} (base58 of the 32
 * bytes and four bytes of RIPEMD-160 over the bytes and {@code "K1"}).
 */
public final class PrivateKeyText {

    public static final int LENGTH = 32;
    private static final byte WIF_VERSION = (byte) 0x80;
    private static final int CHECKSUM_LENGTH = 4;

    private PrivateKeyText() {
    }

    /** The WIF of a 32-byte private key, without the compressed-key flag (as EOS and Hive wallets print it). */
    public static String wif(byte[] privateKey) {
        check(privateKey);
        byte[] body = new byte[1 + LENGTH];
        body[0] = WIF_VERSION;
        System.arraycopy(privateKey, 0, body, 1, LENGTH);
        return Base58.encode(withChecksum(body, Digests.sha256(Digests.sha256(body))));
    }

    /** The {@code prefix}{@code base58(key ‖ ripemd160(key ‖ suffix)[0..4])} form: {@code PVT_K1_} with suffix {@code K1}. */
    public static String checksummed(String prefix, byte[] privateKey, String suffix) {
        check(privateKey);
        byte[] checksum = Digests.ripemd160(privateKey, suffix.getBytes(StandardCharsets.US_ASCII));
        return prefix + Base58.encode(withChecksum(privateKey, checksum));
    }

    private static byte[] withChecksum(byte[] body, byte[] digest) {
        byte[] all = Arrays.copyOf(body, body.length + CHECKSUM_LENGTH);
        System.arraycopy(digest, 0, all, body.length, CHECKSUM_LENGTH);
        return all;
    }

    private static void check(byte[] privateKey) {
        if (privateKey.length != LENGTH) throw new IllegalArgumentException("a private key is 32 bytes, got " + privateKey.length);
    }
}
