package io.quorate.plan;

import io.quorate.policy.Account;
import io.quorate.policy.PolicySet;

import java.util.List;

/** One plan step read in its chain's terms, ready to be judged against any state of the policy set. */
public interface Operation {

    Step step();

    /** The chain's error when the step's signatures do not authorize it on {@code before}, else null. */
    ChainError authorize(PolicySet before, Judge judge);

    /** The chain's error when it refuses the change itself on {@code before} (validity, its own checks), else null. */
    ChainError refusal(PolicySet before);

    /**
     * {@link #refusal}, for the rules that depend on what the plan already did ({@code applied}:
     * the steps applied before this one, in order), such as Hive's one owner change an hour.
     */
    default ChainError refusal(PolicySet before, List<Step> applied) {
        return refusal(before);
    }

    /**
     * True when the chain checks the change itself before the signatures (Hive validates an
     * operation before it verifies authority), so its refusal is the error reported first.
     */
    default boolean contentFirst() {
        return false;
    }

    /** The account after the change; only called when {@link #refusal} found nothing. */
    Account apply(PolicySet before);

    /** The authorities (as the analysis names them) the step touches. */
    List<String> touched();
}
