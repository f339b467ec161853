package io.quorate.engine;

import io.quorate.compile.CompiledPolicy;
import io.quorate.rules.AuthorityCheck;
import io.quorate.rules.Budget;
import io.quorate.rules.Signatures;
import io.quorate.transaction.Transaction;

/** Everything one decision works with: the policy, the transaction, its signatures, the thread's rules, its budget. */
public final class Request {

    private final CompiledPolicy policy;
    private final Transaction tx;
    private final Signatures signatures;
    private final RuleSession rules;
    private final Budget budget;

    Request(CompiledPolicy policy, Transaction tx, Signatures signatures, RuleSession rules, Budget budget) {
        this.policy = policy;
        this.tx = tx;
        this.signatures = signatures;
        this.rules = rules;
        this.budget = budget;
    }

    public CompiledPolicy policy() {
        return policy;
    }

    public Transaction tx() {
        return tx;
    }

    public Signatures signatures() {
        return signatures;
    }

    public Budget budget() {
        return budget;
    }

    /** Lets the rules judge {@code check}: true when its authority's rule granted it. */
    public boolean judge(AuthorityCheck check) {
        return rules.judge(check);
    }
}
