package io.quorate.lint;

import io.quorate.policy.Account;
import io.quorate.policy.Chain;
import io.quorate.policy.ChainServices;
import java.time.LocalDate;
import java.util.Map;

/**
 * The facts of one chain's own shape and limits (its authorities, parents, limits, and what only it
 * has), added for the checks to judge. Registered in {@code META-INF/services/io.quorate.lint.ChainLintFacts}.
 */
public interface ChainLintFacts {

    Chain chain();

    /** Adds the facts of {@code account} to {@code facts}; {@code today} dates what can no longer hold. */
    void add(Account account, Facts facts, LocalDate today);

    /**
     * Why {@code name} cannot be an account of this chain as a transaction's {@code to} or
     * {@code from} names it, or null when it can (the chain has no rule, or it keeps it).
     */
    default String accountNameProblem(String name) {
        return null;
    }

    /** How the chain routes {@code account}'s actions to its authorities, or null when it cannot say. */
    default ActionRouting routing(Account account) {
        return null;
    }

    /** Every registered chain's lint facts. */
    static Map<Chain, ChainLintFacts> all() {
        return Registered.BY_CHAIN;
    }

    /** Loaded once, on first use. */
    final class Registered {
        private static final Map<Chain, ChainLintFacts> BY_CHAIN = ChainServices.load(ChainLintFacts.class, ChainLintFacts::chain);

        private Registered() {
        }
    }
}
