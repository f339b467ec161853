package io.quorate.reference;

import io.quorate.policy.KeyRef;
import io.quorate.transaction.Transaction;
import java.util.List;

/** One chain's authorization algorithm, run after the signatures resolved to distinct keys. */
public interface ChainCheck {

    /**
     * @param keys the distinct keys that signed, in the order provided
     */
    Verdict check(Transaction transaction, List<KeyRef> keys);
}
