package io.quorate.signatures;

import io.quorate.policy.Chain;
import io.quorate.policy.ChainServices;
import java.util.Map;

/**
 * How one chain writes a signature and finds (recovers or checks) the key that made it.
 * Registered in {@code META-INF/services/io.quorate.signatures.ChainSignatureScheme}; a chain
 * without one (generic) has no signature scheme and lists the keys that signed instead.
 */
public interface ChainSignatureScheme {

    Chain chain();

    /** The key that made {@code entry}'s signature of {@code digest}, as the chain writes keys. */
    String signer(byte[] digest, SignatureEntry entry) throws SignatureException;

    /** Every registered scheme, by chain. */
    static Map<Chain, ChainSignatureScheme> all() {
        return Registered.BY_CHAIN;
    }

    /** Loaded once, on first use. */
    final class Registered {
        private static final Map<Chain, ChainSignatureScheme> BY_CHAIN = ChainServices.load(ChainSignatureScheme.class, ChainSignatureScheme::chain);

        private Registered() {
        }
    }
}
