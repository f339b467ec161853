package io.quorate.lint.facts;

import io.quorate.diag.SourceLocation;

/**
 * One authority, role, Casper threshold or FT4 descriptor, as written and as analysed.
 * {@code threshold} and {@code totalWeight} are the written ones (FT4: signatures required and
 * distinct signers); {@code waitWeight} is the sum of the EOS waits. The figures come from the
 * resilience analysis over the keys the authority expands to: {@code minSigners} the fewest keys
 * that satisfy it (-1 never), {@code maxKeyLoss} the most keys that may be lost with it still
 * satisfiable (-1 when it is not satisfiable), {@code minHolders} the fewest distinct holders;
 * {@code analysed} is false when no figures are known.
 * {@code outside} names the references outside the policy set its figures count as nothing (empty when none).
 */
public record AuthorityFact(
        String account,
        String authority,
        String chain,
        String kind,
        long threshold,
        long totalWeight,
        int entryCount,
        long waitWeight,
        boolean analysed,
        int minSigners,
        int maxKeyLoss,
        int minHolders,
        boolean exact,
        boolean waitOnly,
        String outside,
        SourceLocation at,
        SourceLocation thresholdAt) implements Subject {

    @Override
    public String subject() {
        return kind + " `" + authority + "`";
    }
}
