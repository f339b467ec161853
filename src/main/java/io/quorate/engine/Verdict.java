package io.quorate.engine;

import java.util.List;

/**
 * What a chain decider found: one entry per action, and the reason the transaction is denied
 * (the first check that failed, in the chain's own order), or null when it is allowed.
 */
record Verdict(List<ActionDecision> actions, Reason denial) {

    static ActionDecision pending(String account, String action) {
        return new ActionDecision(Outcome.DENY, account, action, null, null, 0, 0, List.of());
    }
}
