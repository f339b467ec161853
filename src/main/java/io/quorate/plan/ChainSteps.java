package io.quorate.plan;

import io.quorate.policy.Account;
import io.quorate.policy.Chain;
import io.quorate.yaml.Expect;
import io.quorate.yaml.Form;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One chain's change operations: which it has, their fields, how a step reads as one of them, and
 * how two versions of an account are written as steps. Registered in
 * {@code META-INF/services/io.quorate.plan.ChainSteps}; operation names are unique across chains.
 */
public interface ChainSteps {

    Chain chain();

    /**
     * Each operation's own fields (beyond those every step may carry), in the order the formats
     * page lists them: what a step of the operation accepts, and what {@code quorate schema plan}
     * says it holds.
     */
    Map<String, List<Form.Field>> operations();

    /** Each operation's own field names. */
    default Map<String, List<String>> fields() {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        operations().forEach((op, fields) -> out.put(op, fields.stream().map(Form.Field::name).toList()));
        return out;
    }

    default Set<String> ops() {
        return fields().keySet();
    }

    /** The step as an operation on {@code account}, or null after reporting its problems to {@code x}. */
    Operation read(Step step, Account account, PlanKeys keys, Expect x);

    /**
     * Adds to {@code plan} the steps that carry {@code was} to {@code now}, two versions of one
     * account of this chain.
     */
    void diff(Account was, Account now, DiffPlan plan);

    /**
     * {@code account} as the judge prepares it: with an action of its own ({@link Judge#PROBE})
     * for each authority the chain's steps ask about by name, so that the engine can be asked
     * whether signatures satisfy exactly that authority. The account itself when the steps ask
     * only about actions the account already has.
     */
    default Account withProbes(Account account) {
        return account;
    }
}
