package io.quorate.policy.conditions;

import io.quorate.diag.SourceLocation;

/**
 * One rule of a set of conditions: when it holds ({@code when}) and what follows
 * ({@code outcome}). {@code id} numbers the rule across the policy set (the rules are compiled
 * under it); {@code set} is its set's {@link AccountConditions#key() key}; {@code position} its
 * place in the set, from 0.
 */
public record ConditionRule(int id, String set, int position, String name, When when, RuleOutcome outcome, SourceLocation at) {

    /** How reports name it: {@code set: rule}. */
    public String label() {
        return set + ": " + name;
    }
}
