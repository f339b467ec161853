package io.quorate.lint.facts;

import io.quorate.diag.SourceLocation;

/**
 * A suppression written in the policy: whether its check id is one the linter knows, and whether
 * its {@code expires} day has passed.
 */
public record SuppressionFact(
        String account,
        String authority,
        String check,
        String reason,
        String expires,
        boolean known,
        boolean expired,
        SourceLocation at) implements Subject {

    @Override
    public String subject() {
        return authority == null ? null : "`" + authority + "`";
    }
}
