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

    /** The account after the change; only called when {@link #refusal} found nothing. */
    Account apply(PolicySet before);

    /** The authorities (as the analysis names them) the step touches. */
    List<String> touched();
}
