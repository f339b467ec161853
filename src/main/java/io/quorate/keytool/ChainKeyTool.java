package io.quorate.keytool;

import io.quorate.keys.KeyFormatException;
import io.quorate.policy.Chain;
import java.security.SecureRandom;
import java.util.List;

/**
 * What one chain knows of key pairs: generating one the way its own tools do, reading its
 * spellings of public keys, and writing a key in all of them. Registered in
 * {@code META-INF/services/io.quorate.keytool.ChainKeyTool}.
 */
public interface ChainKeyTool {

    Chain chain();

    /** The algorithms {@link #generate} accepts, the chain's default first: secp256k1 alone, unless the chain says more. */
    default List<String> algorithms() {
        return List.of(PublicKey.SECP256K1);
    }

    NewKey generate(String algorithm, SecureRandom random);

    /**
     * The key {@code text} spells in this chain's format, or null when the text is not shaped like
     * one of this chain's keys; a key of the right shape that does not decode (a bad checksum, a
     * point off the curve) throws with the chain's own explanation.
     */
    PublicKey parse(String text) throws KeyFormatException;

    /** Every spelling of {@code key} in this chain, and the ids derived from it; none when the chain has no such keys. */
    List<KeyForm> forms(PublicKey key);
}
