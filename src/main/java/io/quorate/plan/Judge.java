package io.quorate.plan;

import io.quorate.engine.Decision;
import io.quorate.engine.PreparedPolicy;
import io.quorate.engine.Quorate;
import io.quorate.policy.Account;
import io.quorate.policy.PolicySet;
import io.quorate.transaction.Transaction;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Asks the engine whether signatures satisfy one authority of a state of the policy set. Each
 * state is prepared once; so that an authority can be asked about by name, the prepared copy gives
 * each one its chain's steps ask about an action of its own ({@link ChainSteps#withProbes}), which
 * changes nothing else the engine decides.
 */
public final class Judge implements AutoCloseable {

    /** Contract or action prefix of the probe actions; no real contract is named so. */
    public static final String PROBE = "quorateplan";

    /** States kept prepared: the current path of a run or a reorder search is short. */
    static final int PREPARED_STATES = 32;

    private final Bounded<PolicySet, PreparedPolicy> prepared = new Bounded<>(PREPARED_STATES, PreparedPolicy::close);

    Judge() {
    }

    public Decision decide(PolicySet state, Transaction tx) {
        PreparedPolicy p = prepared.get(state, s -> Quorate.prepare(withProbes(s)));
        return p.authorizeWithoutMissing(tx);
    }

    private static PolicySet withProbes(PolicySet state) {
        Map<String, Account> accounts = new LinkedHashMap<>();
        state.accounts().forEach((name, account) -> accounts.put(name, ChainStepsRegistry.of(account.chain()).withProbes(account)));
        return new PolicySet(accounts, state.keys(), state.revision(), state.suppressions());
    }

    @Override
    public void close() {
        prepared.clear(PreparedPolicy::close);
    }
}
