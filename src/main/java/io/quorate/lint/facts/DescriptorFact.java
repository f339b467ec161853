package io.quorate.lint.facts;

import io.quorate.diag.SourceLocation;

/**
 * An FT4 auth descriptor. {@code signers} counts distinct signers; {@code required} is
 * {@code signatures_required} (1 for single-sig); {@code missingFlags} lists the account's
 * mandatory flags the descriptor lacks (empty when none); {@code neverHolds} says why its rules can
 * never hold again (null when they can).
 */
public record DescriptorFact(
        String account,
        String descriptor,
        boolean main,
        boolean multiSig,
        int signers,
        int required,
        String flags,
        boolean accountFlag,
        String missingFlags,
        boolean hasRules,
        String neverHolds,
        SourceLocation at) implements Subject {

    @Override
    public String authority() {
        return descriptor;
    }

    @Override
    public String subject() {
        return "descriptor `" + descriptor + "`";
    }
}
