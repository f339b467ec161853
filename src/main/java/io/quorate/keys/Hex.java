package io.quorate.keys;

/** Lowercase hex, and a decoder whose errors point at the offending character. */
public final class Hex {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    public static String encode(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = DIGITS[bytes[i] & 0xf];
        }
        return new String(out);
    }

    /**
     * Decodes {@code text} from index {@code start} to its end, in either case. The caller has
     * checked the length is even; positions in errors count from 1 over the whole of {@code text}.
     */
    public static byte[] decode(String text, int start) throws KeyFormatException {
        byte[] out = new byte[(text.length() - start) / 2];
        for (int i = 0; i < out.length; i++) {
            int at = start + 2 * i;
            out[i] = (byte) (digit(text, at) << 4 | digit(text, at + 1));
        }
        return out;
    }

    private static int digit(String text, int at) throws KeyFormatException {
        char c = text.charAt(at);
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        throw new KeyFormatException(
                Base58.describe(c) + " at position " + (at + 1) + " is not hex",
                "hex uses only `0`-`9` and `a`-`f`; copy the key again from the wallet");
    }

    /**
     * True when {@code text} from {@code start} has at least {@code minLength} letters and digits,
     * all but two of them hex: a key with a typo or two still looks like a key.
     */
    public static boolean looksLikeHex(String text, int start, int minLength) {
        if (text.length() - start < minLength) {
            return false;
        }
        int notHex = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 'z' || !Character.isLetterOrDigit(c)) {
                return false;
            }
            if (Character.digit(c, 16) < 0) {
                notHex++;
            }
        }
        return notHex <= 2;
    }
}
