package io.quorate.lint.facts;

import io.quorate.diag.SourceLocation;

/**
 * A reference from an authority to another account's authority that counts for nothing:
 * {@code problem} is {@code dangling}, {@code outside-policy}, {@code cycle}, {@code depth-exceeded},
 * {@code cross-chain} or {@code too-many-paths}.
 */
public record ReferenceFact(
        String account,
        String authority,
        String target,
        String problem,
        SourceLocation at) implements Subject {

    @Override
    public String subject() {
        return "authority `" + authority + "`";
    }
}
