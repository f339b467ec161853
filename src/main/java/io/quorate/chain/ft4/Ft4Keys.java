package io.quorate.chain.ft4;

import io.quorate.keys.Curves;
import io.quorate.keys.Hex;
import io.quorate.keys.KeyFormat;
import io.quorate.keys.KeyFormatException;
import io.quorate.keys.KeyId;
import java.util.HexFormat;

/**
 * Chromia FT4 signers: a compressed secp256k1 public key (66 hex characters) or a 20-byte EVM
 * address (40 hex characters), in either case, with or without {@code 0x}.
 */
public final class Ft4Keys {

    /** 33-byte compressed secp256k1 hex, or a 20-byte EVM address. */
    public static final KeyFormat FORMAT = KeyFormat.shaped(Ft4Keys::decode, Ft4Keys::looksLikeKey,
            point -> HexFormat.of().formatHex(point));


    private static final int KEY_HEX_LENGTH = 2 * Curves.COMPRESSED_LENGTH;
    private static final int ADDRESS_HEX_LENGTH = 40;

    private Ft4Keys() {
    }

    public static KeyId decode(String text) throws KeyFormatException {
        int start = hexStart(text);
        int length = text.length() - start;
        if (length == KEY_HEX_LENGTH) {
            byte[] point = Hex.decode(text, start);
            Curves.SECP256K1.requireCompressedPoint(point, "copy the public key again from the wallet");
            return Curves.SECP256K1.keyId(point);
        }
        if (length == ADDRESS_HEX_LENGTH) {
            return new KeyId("evm:" + Hex.encode(Hex.decode(text, start)));
        }
        throw new KeyFormatException("FT4 keys are " + KEY_HEX_LENGTH
                + " hex characters (a compressed secp256k1 public key) or " + ADDRESS_HEX_LENGTH
                + " (an EVM address), got " + length,
                "copy the key again from the wallet");
    }

    /** 32 or more hex-like characters after an optional {@code 0x}. */
    public static boolean looksLikeKey(String text) {
        return Hex.looksLikeHex(text, hexStart(text), 32);
    }

    private static int hexStart(String text) {
        return text.startsWith("0x") || text.startsWith("0X") ? 2 : 0;
    }
}
