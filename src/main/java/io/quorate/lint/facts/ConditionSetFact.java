package io.quorate.lint.facts;

import io.quorate.diag.SourceLocation;

/**
 * A set of conditions in use, as the checks judge it: {@code denyAlways} when every action is
 * denied at every moment (with why; null otherwise). {@code account} is the first account using
 * the set; {@code set} names a shared set (null for an account's own).
 */
public record ConditionSetFact(String account, String set, String users, String denyAlways, SourceLocation at) implements Subject {

    @Override
    public String authority() {
        return null;
    }

    @Override
    public String subject() {
        return describe(set);
    }

    /** How messages name a set: {@code conditions} for an account's own, {@code conditions `standard`} for a shared one. */
    public static String describe(String set) {
        return set == null ? "conditions" : "conditions `" + set + "`";
    }
}
