package io.quorate.lint.facts;

import io.quorate.diag.SourceLocation;

/**
 * A guardrail of the account's file ({@code requirements.min_signers} or {@code distinct_holders})
 * next to what an authority achieves ({@code actual}; -1 when the authority cannot be satisfied).
 */
public record RequirementFact(
        String account,
        String authority,
        String kind,
        String requirement,
        int required,
        int actual,
        SourceLocation requiredAt,
        SourceLocation at) implements Subject {

    @Override
    public String subject() {
        return kind + " `" + authority + "`";
    }
}
