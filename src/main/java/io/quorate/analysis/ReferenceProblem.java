package io.quorate.analysis;

import io.quorate.diag.SourceLocation;

/**
 * A reference to another authority that adds nothing to the authority that writes it
 * ({@code account}, {@code authority}), at least when reached through some expansion:
 * {@code target} is what it names ({@code partner@active}; Hive: the account and the role the
 * phase picks). {@code at} is where the reference is written.
 */
public record ReferenceProblem(String account, String authority, String target, Kind kind, SourceLocation at) {

    public enum Kind {
        /** The account exists but the authority does not. */
        DANGLING,
        /** The account is not in the policy set: nothing is known of it, so it counts as nothing. */
        OUTSIDE_POLICY,
        /** The reference leads back into the chain of authorities being expanded. */
        CYCLE,
        /** The reference is reached deeper than the chain follows references. */
        DEPTH_EXCEEDED,
        /** The account belongs to another chain. */
        CROSS_CHAIN,
        /**
         * The account's references reach more paths than the analysis follows for one account
         * ({@link Problems#MAX_REFERENCES_PER_ACCOUNT}); past that a reference counts as nothing
         * and the account's figures are bounds, not exact.
         */
        TOO_MANY_PATHS
    }
}
