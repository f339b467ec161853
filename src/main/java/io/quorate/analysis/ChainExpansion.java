package io.quorate.analysis;

import io.quorate.policy.Account;
import io.quorate.policy.Chain;
import io.quorate.policy.PolicySet;
import java.util.function.Function;

/**
 * How one chain's accounts become formulas: which authorities an account has, and how references
 * are followed. Registered in {@code META-INF/services/io.quorate.analysis.ChainExpansion}.
 */
public interface ChainExpansion {

    Chain chain();

    /** An expander for the accounts of this chain in {@code policy}, numbering keys in {@code keys}, reporting to {@code problems}. */
    Function<Account, Expanded> expander(PolicySet policy, KeyTable keys, Problems problems);
}
