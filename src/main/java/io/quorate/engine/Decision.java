package io.quorate.engine;

import io.quorate.conditions.ConditionsOutcome;
import io.quorate.transaction.Transaction;
import java.util.List;

/**
 * The answer for one candidate transaction, with everything needed to explain it. The top-level
 * account/action/required/weight fields describe the first denied action (or the first action
 * when all are allowed); {@code actions} holds one entry per action.
 *
 * <p>{@code usedKeys} and {@code unusedKeys} partition the distinct signatures provided, as the
 * chain marks them; {@code countedKeys} are the keys that added weight to some tally while
 * deciding, kept even where the chain rolled a failed sub-authority's marks back;
 * {@code missing} lists the smallest sets of further keys, any one of which would authorize.
 * {@code conditions} is what the organisation's conditions concluded, null when the transaction's
 * accounts have none (or the chain denied before the conditions were looked at).
 */
public record Decision(
        String id,
        Outcome decision,
        String account,
        String action,
        String required,
        String satisfiedBy,
        long weight,
        long threshold,
        List<String> usedKeys,
        List<String> unusedKeys,
        List<List<String>> missing,
        List<Reason> reasons,
        String policyRevision,
        List<ActionDecision> actions,
        List<String> countedKeys,
        ConditionsOutcome conditions) {

    public Decision {
        countedKeys = List.copyOf(countedKeys);
        usedKeys = List.copyOf(usedKeys);
        unusedKeys = List.copyOf(unusedKeys);
        missing = missing.isEmpty() ? List.of() : missing.stream().map(List::copyOf).toList();
        reasons = List.copyOf(reasons);
        actions = List.copyOf(actions);
    }

    /** A decision without organisation conditions. */
    public Decision(String id, Outcome decision, String account, String action, String required, String satisfiedBy,
                    long weight, long threshold, List<String> usedKeys, List<String> unusedKeys, List<List<String>> missing,
                    List<Reason> reasons, String policyRevision, List<ActionDecision> actions, List<String> countedKeys) {
        this(id, decision, account, action, required, satisfiedBy, weight, threshold, usedKeys, unusedKeys, missing, reasons,
                policyRevision, actions, countedKeys, null);
    }

    /**
     * This decision after the organisation's conditions concluded {@code outcome}: denied when they
     * deny, the chain's reason first when it already denied; the action they deny carries their reason.
     */
    public Decision withConditions(ConditionsOutcome outcome) {
        if (outcome == null) return this;
        if (outcome.allowed()) {
            return new Decision(id, decision, account, action, required, satisfiedBy, weight, threshold, usedKeys, unusedKeys,
                    missing, reasons, policyRevision, actions, countedKeys, outcome);
        }
        Reason reason = new Reason(outcome.code(), outcome.message());
        List<Reason> merged = new java.util.ArrayList<>();
        if (decision == Outcome.DENY) merged.addAll(reasons);
        merged.add(reason);
        List<ActionDecision> marked = new java.util.ArrayList<>(actions);
        int at = outcome.action();
        if (decision == Outcome.ALLOW && at >= 0 && at < marked.size()) {
            ActionDecision a = marked.get(at);
            marked.set(at, new ActionDecision(Outcome.DENY, a.account(), a.action(), a.required(), a.satisfiedBy(),
                    a.weight(), a.threshold(), List.of(reason)));
        }
        // a denial by the conditions alone: the keys that counted are the ones the chain used
        List<String> counted = decision == Outcome.ALLOW ? usedKeys : countedKeys;
        return new Decision(id, Outcome.DENY, account, action, required, satisfiedBy, weight, threshold, usedKeys, unusedKeys,
                missing, merged, policyRevision, marked, counted, outcome);
    }

    /** A decision that does not tell the keys that counted apart (the reference evaluator's, denials before any tally). */
    public Decision(String id, Outcome decision, String account, String action, String required, String satisfiedBy,
                    long weight, long threshold, List<String> usedKeys, List<String> unusedKeys, List<List<String>> missing,
                    List<Reason> reasons, String policyRevision, List<ActionDecision> actions) {
        this(id, decision, account, action, required, satisfiedBy, weight, threshold, usedKeys, unusedKeys, missing, reasons,
                policyRevision, actions, List.of());
    }

    /**
     * A transaction denied before any authority was looked at, for {@code reason}: every action
     * carries it, the first is reported, {@code unused} are the keys resolved by then.
     */
    public static Decision denied(Transaction tx, Reason reason, List<String> unused, String revision) {
        List<ActionDecision> actions = tx.actions().stream()
                .map(a -> new ActionDecision(Outcome.DENY, a.account(), a.actionLabel(), null, null, 0, 0, List.of(reason)))
                .toList();
        ActionDecision top = actions.isEmpty() ? null : actions.get(0);
        return new Decision(tx.id(), Outcome.DENY, top == null ? null : top.account(), top == null ? null : top.action(),
                null, null, 0, 0, List.of(), unused, List.of(), List.of(reason), revision, actions);
    }

    /** Any failure while deciding is a deny that says what failed: Quorate fails closed. */
    public static Decision failClosed(Transaction tx, String revision, Throwable e) {
        return denied(tx, new Reason(ReasonCode.INTERNAL_ERROR, "the decision failed and is denied: "
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())), List.of(), revision);
    }

    public boolean allowed() {
        return decision == Outcome.ALLOW;
    }

    public boolean hasReason(String code) {
        return reasons.stream().anyMatch(r -> r.code().equals(code));
    }
}
