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

    /** Decodes {@code text}; an error names the first character outside the alphabet and its position (from 1). */
    public static byte[] decode(String text) throws KeyFormatException {
        return decode(text, 0);
    }

    /** Decodes {@code text} from index {@code start}, reporting positions over the whole of {@code text}. */
    static byte[] decode(String text, int start) throws KeyFormatException {
        int zeros = 0;
        while (start + zeros < text.length() && text.charAt(start + zeros) == '1') {
            zeros++;
        }
        BigInteger value = BigInteger.ZERO;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            int digit = c < 128 ? VALUES[c] : -1;
            if (digit < 0) {
                throw new KeyFormatException(describe(c) + " at position " + (i + 1) + " is not base58", help(c));
            }
            value = value.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
        if (magnitude.length > 1 && magnitude[0] == 0) {
            magnitude = Arrays.copyOfRange(magnitude, 1, magnitude.length);
        }
        byte[] out = new byte[zeros + magnitude.length];
        System.arraycopy(magnitude, 0, out, zeros, magnitude.length);
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
