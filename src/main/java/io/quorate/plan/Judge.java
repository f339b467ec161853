package io.quorate.plan;

import io.quorate.engine.Decision;
import io.quorate.engine.PreparedPolicy;
import io.quorate.engine.Quorate;
import io.quorate.policy.Account;
import io.quorate.chain.eos.EosAccount;
import io.quorate.chain.generic.GenericAccount;
import io.quorate.policy.PolicySet;
import io.quorate.transaction.Transaction;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Asks the engine whether signatures satisfy one authority of a state of the policy set. Each
 * state is prepared once; so that any EOS permission or generic authority can be asked about by
 * name, the prepared copy gives every one of them an action of its own ({@link #probe}), which
 * changes nothing else the engine decides.
 */
final class Judge implements AutoCloseable {

    /** EOS contract and generic action prefix of the probe actions; no real contract is named so. */
    static final String PROBE = "quorateplan";

    /** States kept prepared: the current path of a run or a reorder search is short. */
    static final int PREPARED_STATES = 32;

    private final Bounded<PolicySet, PreparedPolicy> prepared = new Bounded<>(PREPARED_STATES, PreparedPolicy::close);

    Decision decide(PolicySet state, Transaction tx) {
        PreparedPolicy p = prepared.get(state, s -> Quorate.prepare(withProbes(s)));
        return p.authorizeWithoutMissing(tx);
    }

    /** The action that needs exactly {@code authority} of an EOS or generic account. */
    static String probe(Account account, String authority) {
        return account instanceof EosAccount ? PROBE + "::" + authority : PROBE + "." + authority;
    }

    private static PolicySet withProbes(PolicySet state) {
        Map<String, Account> accounts = new LinkedHashMap<>();
        state.accounts().forEach((name, account) -> accounts.put(name, withProbes(account)));
        return new PolicySet(accounts, state.keys(), state.revision(), state.suppressions());
    }

    private static Account withProbes(Account account) {
        if (account instanceof EosAccount eos) {
            Map<String, String> links = new LinkedHashMap<>(eos.links());
            eos.permissions().keySet().forEach(p -> links.put(probe(eos, p), p));
            return new EosAccount(eos.name(), eos.maxAuthorityDepth(), eos.permissions(), links, eos.requirements(), eos.at());
        }
        if (account instanceof GenericAccount g) {
            Map<String, String> actions = new LinkedHashMap<>();
            g.authorities().keySet().forEach(a -> actions.put(probe(g, a), a));
            actions.putAll(g.actions());
            return new GenericAccount(g.name(), g.authorities(), actions, g.maxDepth(), g.requirements(), g.at());
        }
        return account;
    }

    @Override
    public void close() {
        prepared.clear(PreparedPolicy::close);
    }
}
