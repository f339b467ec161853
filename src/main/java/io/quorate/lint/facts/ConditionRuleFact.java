package io.quorate.lint.facts;

import io.quorate.diag.SourceLocation;

/**
 * One rule of an organisation's conditions as the checks judge it: how its set combines
 * ({@code first-match} or {@code deny-overrides}), its outcome ({@code allow}, {@code deny},
 * {@code require}), why its {@code when} can never hold (null when it can), and the earlier rule of
 * its set that holds whenever it does ({@code shadowedBy}, with that rule's line and outcome; null
 * when none does). {@code account} is the first account using the set; {@code set} names a shared
 * set (null for an account's own).
 */
public record ConditionRuleFact(
        String account,
        String set,
        String rule,
        String combine,
        String outcome,
        String neverHolds,
        String shadowedBy,
        int shadowedByLine,
        String shadowedByOutcome,
        SourceLocation at) implements Subject {

    @Override
    public String authority() {
        return null;
    }

    @Override
    public String subject() {
        return ConditionSetFact.describe(set) + ": rule `" + rule + "`";
    }
}
