package io.quorate.keys;

import java.math.BigInteger;
import java.util.Arrays;

/** Base58 with the Bitcoin alphabet, as used by EOS, Hive and WIF private keys. */
public final class Base58 {

    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);
    private static final int[] VALUES = new int[128];

    static {
        Arrays.fill(VALUES, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUES[ALPHABET.charAt(i)] = i;
        }
    }

    private Base58() {
    }

    public static String encode(byte[] bytes) {
        int zeros = 0;
        while (zeros < bytes.length && bytes[zeros] == 0) {
            zeros++;
        }
        StringBuilder out = new StringBuilder();
        BigInteger value = new BigInteger(1, bytes);
        while (value.signum() > 0) {
            BigInteger[] qr = value.divideAndRemainder(BASE);
            out.append(ALPHABET.charAt(qr[1].intValue()));
            value = qr[0];
        }
        out.append("1".repeat(zeros));
        return out.reverse().toString();
    }

    /**
     * The longest text {@link #decode} reads: 128 characters hold 93 bytes, more than any key,
     * signature or private key a chain writes in base58 (an EOS {@code SIG_K1_} body is 95 at
     * most). Longer text is refused before any arithmetic, because decoding costs the square of
     * the length.
     */
    public static final int MAX_LENGTH = 128;

    /** Decodes {@code text}; an error names the first character outside the alphabet and its position (from 1). */
    public static byte[] decode(String text) throws KeyFormatException {
        return decode(text, 0);
    }

    /** Decodes {@code text} from index {@code start}, reporting positions over the whole of {@code text}. */
    static byte[] decode(String text, int start) throws KeyFormatException {
        int length = text.length() - start;
        if (length > MAX_LENGTH) {
            throw new KeyFormatException("base58 text of " + length + " characters is longer than any key or signature ("
                    + MAX_LENGTH + " at most)", "copy the key or signature again: it looks pasted twice or run together");
        }
        int zeros = 0;
        while (zeros < length && text.charAt(start + zeros) == '1') {
            zeros++;
        }
        // big-endian base-256 digits of the value so far; 58^n < 256^(n * 733 / 1000 + 1)
        byte[] value = new byte[length * 733 / 1000 + 1];
        int used = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            int carry = c < 128 ? VALUES[c] : -1;
            if (carry < 0) {
                throw new KeyFormatException(describe(c) + " at position " + (i + 1) + " is not base58", help(c));
            }
            int k = value.length - 1;
            for (int n = 0; (carry != 0 || n < used) && k >= 0; k--, n++) {
                carry += 58 * (value[k] & 0xff);
                value[k] = (byte) carry;
                carry >>>= 8;
            }
            used = value.length - 1 - k;
        }
        int first = value.length - used;
        while (first < value.length && value[first] == 0) {
            first++;
        }
        byte[] out = new byte[zeros + value.length - first];
        System.arraycopy(value, first, out, zeros, value.length - first);
        return out;
    }

    /** How to name a character in a message: spaces and control characters are invisible in backticks. */
    static String describe(char c) {
        if (Character.isWhitespace(c)) {
            return "whitespace";
        }
        if (Character.isISOControl(c)) {
            return String.format("control character U+%04X", (int) c);
        }
        return "character `" + c + "`";
    }

    private static String help(char c) {
        if (c == '0' || c == 'O' || c == 'I' || c == 'l') {
            return "base58 leaves out `0`, `O`, `I` and `l`, which look alike; copy the key again from the wallet";
        }
        return "copy the key again from the wallet";
    }
}
