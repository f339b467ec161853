package io.quorate.engine;

import java.util.List;

/**
 * The outcome for one action of a transaction: which authority it required, which one satisfied
 * it (null when none), and the weight tally against the threshold.
 */
public record ActionDecision(
        Outcome decision,
        String account,
        String action,
        String required,
        String satisfiedBy,
        long weight,
        long threshold,
        List<Reason> reasons) {

    public ActionDecision {
        reasons = List.copyOf(reasons);
    }
}
