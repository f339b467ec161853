package io.quorate.keys;

/**
 * The identity of a public key, independent of how it was written: two spellings of one key
 * (EOS legacy and PUB_K1, a Casper public key and its account hash) give equal ids.
 * The canonical form is {@code scheme:hex}, e.g. {@code secp256k1:02ab…} or {@code casper:1ed5…};
 * a generic key is {@code generic:<text>}.
 */
public record KeyId(String canonical) implements Comparable<KeyId> {

    @Override
    public int compareTo(KeyId other) {
        return canonical.compareTo(other.canonical);
    }

    @Override
    public String toString() {
        return canonical;
    }
}
