package io.quorate.plan;

import io.quorate.policy.Account;
import io.quorate.policy.Chain;
import io.quorate.yaml.Expect;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** One chain's change operations: which it has, their fields, and how a step reads as one of them. */
interface ChainSteps {

    Chain chain();

    /** Each operation's own fields, in the order the formats page lists them. */
    Map<String, List<String>> fields();

    default Set<String> ops() {
        return fields().keySet();
    }

    /** The step as an operation on {@code account}, or null after reporting its problems to {@code x}. */
    Operation read(Step step, Account account, PlanKeys keys, Expect x);
}
