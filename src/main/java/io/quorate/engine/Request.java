package io.quorate.engine;

import io.quorate.compile.CompiledPolicy;
import io.quorate.rules.Budget;
import io.quorate.rules.Signatures;
import io.quorate.transaction.Transaction;

/** Everything one decision works with: the policy, the transaction, its signatures, the thread's session, its budget. */
record Request(CompiledPolicy policy, Transaction tx, Signatures signatures, RuleSession rules, Budget budget) {
}
