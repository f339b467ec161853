package io.quorate.policy;

import io.quorate.diag.SourceLocation;

/** Optional guardrails a policy file sets for its accounts; null fields are not set. */
public record Requirements(Integer minSigners, Integer surviveKeyLoss, Integer distinctHolders, SourceLocation at) {

    public static final Requirements NONE = new Requirements(null, null, null, null);
}
