package io.quorate.keys;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/** Ed25519 test keys (Casper's {@code 01} keys). */
public final class Ed25519Keys {

    private Ed25519Keys() {
    }

    /**
     * The 32-byte public key of a real key pair derived deterministically from {@code seed}
     * (private key = SHA-256 of the seed's 8 big-endian bytes).
     */
    public static byte[] publicKeyFromSeed(long seed) {
        byte[] privateKey = Digests.sha256(Seeds.bytes(seed));
        return new Ed25519PrivateKeyParameters(privateKey).generatePublicKey().getEncoded();
    }
}
