package io.quorate.keys;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Key strings that tests cannot get from a wallet: correct checksums over bytes that are not keys. */
public final class TestKeys {

    public static final String WIF = "5KQwrPbwdL6PhXujxW37FSSQZ1JiwsST4cqQzDeyXtP79zkvFD3";
    public static final String EOS_LEGACY = "EOS6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5GDW5CV";
    public static final String EOS_K1 = "PUB_K1_6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5BoDq63";
    public static final String EOS_KEY_HEX = "02c0ded2bc1f1305fb0faac5e6c03ee3a1924234985427b6167ca569d13df435cf";

    private TestKeys() {
    }

    /** {@code prefix} + base58(bytes ‖ RIPEMD-160(bytes ‖ suffix)[0..4]), whatever the bytes are. */
    public static String checksummed(String prefix, byte[] bytes, String suffix) {
        byte[] checksum = Digests.ripemd160(bytes, suffix.getBytes(StandardCharsets.US_ASCII));
        byte[] all = Arrays.copyOf(bytes, bytes.length + 4);
        System.arraycopy(checksum, 0, all, bytes.length, 4);
        return prefix + Base58.encode(all);
    }

    /** A compressed encoding {@code 02 00…00 x}: for small x, some are on a curve and some are not. */
    public static byte[] compressedWithX(int x) {
        byte[] bytes = new byte[33];
        bytes[0] = 2;
        bytes[32] = (byte) x;
        return bytes;
    }

    public static String replaceAt(String text, int index, char c) {
        return text.substring(0, index) + c + text.substring(index + 1);
    }
}
