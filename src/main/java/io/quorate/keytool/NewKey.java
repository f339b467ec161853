package io.quorate.keytool;

import java.util.List;

/**
 * A freshly generated key pair of one chain: the public key as the chain writes it in policies,
 * the private key in the chain's usual encodings (the first is the one its wallets take today).
 */
public record NewKey(String chain, String algorithm, String publicKey, List<KeyForm> privateKeys) {

    public NewKey {
        privateKeys = List.copyOf(privateKeys);
        if (privateKeys.isEmpty()) throw new IllegalArgumentException("a key pair has a private key");
    }
}
