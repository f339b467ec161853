package io.quorate.signatures;

import java.util.List;

/**
 * The outcome of checking a transaction's signatures: the signing keys, one per signature and in
 * its order (in the chain's key format, so duplicates stay visible), or the first signature that
 * failed, counted from 1, and why.
 */
public record Verification(List<String> keys, int failedPosition, String problem) {

    public Verification {
        keys = keys == null ? null : List.copyOf(keys);
    }

    static Verification verified(List<String> keys) {
        return new Verification(keys, 0, null);
    }

    static Verification failed(int position, String problem) {
        return new Verification(null, position, problem);
    }

    public boolean verified() {
        return problem == null;
    }
}
