package io.quorate.engine;

import java.util.List;

/**
 * The answer for one candidate transaction, with everything needed to explain it. The top-level
 * account/action/required/weight fields describe the first denied action (or the first action
 * when all are allowed); {@code actions} holds one entry per action.
 *
 * <p>{@code usedKeys} and {@code unusedKeys} partition the distinct signatures provided;
 * {@code missing} lists the smallest sets of further keys, any one of which would authorize.
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
        List<ActionDecision> actions) {

    public Decision {
        usedKeys = List.copyOf(usedKeys);
        unusedKeys = List.copyOf(unusedKeys);
        missing = missing.isEmpty() ? List.of() : missing.stream().map(List::copyOf).toList();
        reasons = List.copyOf(reasons);
        actions = List.copyOf(actions);
    }

    public boolean allowed() {
        return decision == Outcome.ALLOW;
    }

    public boolean hasReason(String code) {
        return reasons.stream().anyMatch(r -> r.code().equals(code));
    }
}
