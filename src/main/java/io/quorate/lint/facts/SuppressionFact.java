package io.quorate.lint.facts;

import io.quorate.diag.SourceLocation;

/**
 * A suppression written in the policy: whether its check id is one the linter knows (and, when not,
 * the known id closest to it, or null), and whether its {@code expires} day has passed.
 */
public record SuppressionFact(
        String account,
        String authority,
        String check,
        String reason,
        String expires,
        boolean known,
        String closestCheck,
        boolean expired,
        SourceLocation at) implements Subject {

    /** {@code : did you mean `id`?} when a known check id is close to the unknown one; empty otherwise. */
    public String didYouMean() {
        return closestCheck == null ? "" : ": did you mean `" + closestCheck + "`?";
    }

    @Override
    public String subject() {
        return authority == null ? null : "`" + authority + "`";
    }
}
