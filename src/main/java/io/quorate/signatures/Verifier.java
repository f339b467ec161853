package io.quorate.signatures;

import io.quorate.policy.Chain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a transaction's signatures the way the account's chain does, and names the keys that
 * made them. The compiled engine and the reference evaluator both call this, so they cannot
 * disagree about a signature. Thread-safe.
 *
 * <p>Recovering a secp256k1 key costs far more than a decision, and a service sees the same
 * signed transaction more than once (retries, several policies, the search for what is missing),
 * so verified signatures are remembered in a bounded cache keyed by chain, digest, signer and
 * signature. Only successes are kept; the cache is cleared when full rather than tracking age.
 */
public final class Verifier {

    static final int CACHE_LIMIT = 16_384;
    private static final Map<String, String> VERIFIED = new ConcurrentHashMap<>();
    private static volatile boolean caching = true;

    private Verifier() {
    }

    /** The keys that made {@code evidence}'s signatures, in order, or the first one that fails. */
    public static Verification verify(Chain chain, Evidence evidence) {
        byte[] digest = evidence.digest();
        String digestHex = caching ? evidence.digestHex() : null;
        List<String> keys = new ArrayList<>();
        List<SignatureEntry> signatures = evidence.signatures();
        for (int i = 0; i < signatures.size(); i++) {
            SignatureEntry entry = signatures.get(i);
            String cacheKey = caching ? chain.id() + '|' + digestHex + '|' + entry.signer() + '|' + entry.signature() : null;
            String key = cacheKey == null ? null : VERIFIED.get(cacheKey);
            if (key == null) {
                try {
                    key = verifyOne(chain, digest, entry);
                } catch (SignatureException e) {
                    return Verification.failed(i + 1, "signature " + (i + 1) + " (`"
                            + ChainSignatures.abbreviate(entry.signature()) + "`): " + e.getMessage());
                }
                if (cacheKey != null) remember(cacheKey, key);
            }
            keys.add(key);
        }
        return Verification.verified(keys);
    }

    private static String verifyOne(Chain chain, byte[] digest, SignatureEntry entry) throws SignatureException {
        ChainSignatureScheme scheme = ChainSignatureScheme.all().get(chain);
        if (scheme == null) {
            throw new SignatureException(chain.id() + " accounts have no signature scheme: list the keys that signed");
        }
        return scheme.signer(digest, entry);
    }

    private static void remember(String cacheKey, String key) {
        if (VERIFIED.size() >= CACHE_LIMIT) VERIFIED.clear();
        VERIFIED.put(cacheKey, key);
    }

    /** Turns the cache of verified signatures on or off (off: every decision recovers every key), and empties it. */
    public static void setCaching(boolean on) {
        caching = on;
        VERIFIED.clear();
    }
}
