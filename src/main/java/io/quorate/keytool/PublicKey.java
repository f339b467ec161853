package io.quorate.keytool;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A public key as its curve defines it, apart from any chain's spelling: {@code bytes} is the
 * compressed point (secp256k1, secp256r1) or the 32-byte key (ed25519). Two kinds name a key
 * without being one, and cannot be turned back into it: a Casper account hash and an EVM address.
 */
public record PublicKey(String algorithm, byte[] bytes) {

    public static final String SECP256K1 = "secp256k1";
    public static final String SECP256R1 = "secp256r1";
    public static final String ED25519 = "ed25519";
    public static final String CASPER_ACCOUNT_HASH = "casper-account-hash";
    public static final String EVM_ADDRESS = "evm-address";

    public PublicKey {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** True for a key, false for an id derived from one (an account hash, an address). */
    public boolean isKey() {
        return algorithm.equals(SECP256K1) || algorithm.equals(SECP256R1) || algorithm.equals(ED25519);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicKey other && algorithm.equals(other.algorithm) && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return algorithm.hashCode() * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return algorithm + ":" + HexFormat.of().formatHex(bytes);
    }
}
