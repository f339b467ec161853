package io.quorate.keytool;

import io.quorate.keys.Curves;
import io.quorate.keys.KeyId;
import io.quorate.keys.Secp256k1;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/** The arithmetic shared by the chains' key tools: drawing private keys and deriving their public halves. */
public final class KeyPairs {

    private KeyPairs() {
    }

    /** A secp256k1 private key drawn uniformly from [1, n - 1], as 32 big-endian bytes. */
    public static byte[] secp256k1PrivateKey(SecureRandom random) {
        BigInteger n = Curves.SECP256K1.params().getN();
        byte[] key = new byte[32];
        while (true) {
            random.nextBytes(key);
            BigInteger d = new BigInteger(1, key);
            if (d.signum() > 0 && d.compareTo(n) < 0) return key;
        }
    }

    /** The compressed 33-byte public key of a secp256k1 private key. */
    public static byte[] secp256k1PublicKey(byte[] privateKey) {
        return Secp256k1.publicKey(new BigInteger(1, privateKey));
    }

    /** An ed25519 private key (32 random bytes, as RFC 8032 draws them). */
    public static byte[] ed25519PrivateKey(SecureRandom random) {
        return new Ed25519PrivateKeyParameters(random).getEncoded();
    }

    public static byte[] ed25519PublicKey(byte[] privateKey) {
        return new Ed25519PrivateKeyParameters(privateKey, 0).generatePublicKey().getEncoded();
    }

    /** The key behind a {@link KeyId} of the form {@code curve:hex} (secp256k1, secp256r1), or null for other ids. */
    public static PublicKey fromKeyId(KeyId id) {
        String canonical = id.canonical();
        int colon = canonical.indexOf(':');
        String scheme = canonical.substring(0, colon);
        if (!scheme.equals(PublicKey.SECP256K1) && !scheme.equals(PublicKey.SECP256R1)) return null;
        return new PublicKey(scheme, HexFormat.of().parseHex(canonical.substring(colon + 1)));
    }
}
