package io.quorate.chain.eos;

import io.quorate.keys.ChecksummedPoint;
import io.quorate.keys.Curves;
import io.quorate.keys.KeyFormat;
import io.quorate.keys.KeyFormatException;
import io.quorate.keys.KeyId;

/**
 * EOS / Antelope public keys: legacy {@code EOS…} and {@code PUB_K1_…} (both secp256k1, the same
 * key in two spellings) and {@code PUB_R1_…} (secp256r1).
 */
public final class EosKeys {

    /** {@code EOS…} (legacy) and {@code PUB_K1_…} / {@code PUB_R1_…}. */
    public static final KeyFormat FORMAT = KeyFormat.shaped(EosKeys::decode, EosKeys::looksLikeKey, EosKeys::legacy);


    static final String LEGACY = "EOS";
    static final String K1 = "PUB_K1_";
    static final String R1 = "PUB_R1_";
    private static final String WEBAUTHN = "PUB_WA_";

    private EosKeys() {
    }

    public static KeyId decode(String text) throws KeyFormatException {
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
        if (text.startsWith(LEGACY)) {
            return Curves.SECP256K1.keyId(ChecksummedPoint.decode(text, LEGACY, Curves.SECP256K1, "", "EOS"));
        }
        throw new KeyFormatException("`" + text + "` is not an EOS public key",
                "EOS public keys start with `EOS`, `PUB_K1_` or `PUB_R1_`");
    }

    /** A Graphene prefix followed by 20 or more letters and digits: long enough not to be a key name. */
    public static boolean looksLikeKey(String text) {
        return ChecksummedPoint.looksLikeKey(text, LEGACY) || ChecksummedPoint.looksLikeKey(text, K1)
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
