package io.quorate.signatures;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What a transaction carries instead of a list of keys: the digest that was signed and the
 * signatures over it, in order. {@code origin} says where the digest came from ({@code digest},
 * {@code hive_transaction}, {@code casper_deploy}) for messages.
 */
public record Evidence(byte[] digest, List<SignatureEntry> signatures, String origin) {

    public static final int DIGEST_LENGTH = 32;

    public Evidence {
        Objects.requireNonNull(digest, "digest");
        if (digest.length != DIGEST_LENGTH) {
            throw new IllegalArgumentException("a digest is " + DIGEST_LENGTH + " bytes, got " + digest.length);
        }
        digest = digest.clone();
        signatures = List.copyOf(signatures);
    }

    @Override
    public byte[] digest() {
        return digest.clone();
    }

    public String digestHex() {
        return HexFormat.of().formatHex(digest);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Evidence e && Arrays.equals(digest, e.digest) && signatures.equals(e.signatures)
                && Objects.equals(origin, e.origin);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(digest) + signatures.hashCode();
    }

    @Override
    public String toString() {
        return "Evidence[" + origin + " " + digestHex() + ", " + signatures.size() + " signatures]";
    }
}
