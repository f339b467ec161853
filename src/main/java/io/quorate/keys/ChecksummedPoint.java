package io.quorate.keys;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The Graphene spelling shared by EOS and Hive: a prefix, then base58 of a compressed point
 * followed by the first 4 bytes of RIPEMD-160 over the point and a curve suffix ("" for the
 * legacy {@code EOS}/{@code STM} forms, "K1" or "R1" for {@code PUB_K1_}/{@code PUB_R1_}).
 */
public final class ChecksummedPoint {

    /** 37 bytes starting with 2 or 3 always take exactly 50 base58 characters. */
    public static final int BODY_CHARACTERS = 50;
    private static final int CHECKSUM_LENGTH = 4;
    private static final int MIN_LOOKALIKE = 20;

    private ChecksummedPoint() {
    }

    public static String encode(String prefix, Curves curve, byte[] compressed, String suffix) {
        curve.checkArgument(compressed);
        byte[] checksum = checksum(compressed, suffix);
        byte[] all = Arrays.copyOf(compressed, compressed.length + CHECKSUM_LENGTH);
        System.arraycopy(checksum, 0, all, compressed.length, CHECKSUM_LENGTH);
        return prefix + Base58.encode(all);
    }

    /**
     * Decodes {@code text}, which the caller has seen starts with {@code prefix}, into the
     * compressed point. {@code chain} names the keys in messages ("EOS", "Hive").
     */
    public static byte[] decode(String text, String prefix, Curves curve, String suffix, String chain)
            throws KeyFormatException {
        int length = text.length() - prefix.length();
        if (length != BODY_CHARACTERS) {
            throw new KeyFormatException(
                    chain + " keys are " + BODY_CHARACTERS + " characters after the `" + prefix + "` prefix, got " + length,
                    length < BODY_CHARACTERS
                            ? "the key looks truncated; copy the whole key again from the wallet"
                            : "the key has extra characters; copy the key again from the wallet");
        }
        byte[] all = Base58.decode(text, prefix.length());
        if (all.length != Curves.COMPRESSED_LENGTH + CHECKSUM_LENGTH) {
            throw new KeyFormatException(
                    "the key decodes to " + all.length + " bytes, expected "
                            + (Curves.COMPRESSED_LENGTH + CHECKSUM_LENGTH),
                    "copy the key again from the wallet");
        }
        byte[] point = Arrays.copyOf(all, Curves.COMPRESSED_LENGTH);
        byte[] given = Arrays.copyOfRange(all, Curves.COMPRESSED_LENGTH, all.length);
        if (!Arrays.equals(given, Arrays.copyOf(checksum(point, suffix), CHECKSUM_LENGTH))) {
            throw new KeyFormatException("checksum mismatch: the key is mistyped or truncated",
                    "copy the key again from the wallet");
        }
        curve.requireCompressedPoint(point,
                "the checksum matches, so the key was written this way on purpose or by a faulty tool; "
                        + "ask the key's holder for the public key again");
        return point;
    }

    /**
     * True when {@code text} is {@code prefix} and 20 or more ASCII letters and digits: a key with
     * a typo or a few characters missing still qualifies, a key name like {@code EOSvault} does not.
     */
    public static boolean looksLikeKey(String text, String prefix) {
        if (!text.startsWith(prefix) || text.length() - prefix.length() < MIN_LOOKALIKE) {
            return false;
        }
        for (int i = prefix.length(); i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 'z' || !Character.isLetterOrDigit(c)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] checksum(byte[] point, String suffix) {
        return Digests.ripemd160(point, suffix.getBytes(StandardCharsets.US_ASCII));
    }
}
