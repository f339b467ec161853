package io.quorate.lint.facts;

import io.quorate.diag.SourceLocation;

/**
 * An authority of an account with conditions, as the conditions checks judge it: the actions its
 * chain lets it act for ({@code actions}, as messages name them) and why the conditions deny every
 * one of them at every moment ({@code neverAllowed}, null when some can be allowed). Not made when
 * the chain lets it act for nothing, nor when the set denies every action of every authority
 * ({@code no-moment-to-act} says so). {@code suggestion} is the rule the message proposes. {@code set}
 * names a shared set (null for an account's own).
 */
public record AuthorityActionsFact(
        String account,
        String authority,
        String kind,
        String set,
        String actions,
        String neverAllowed,
        String suggestion,
        SourceLocation at) implements Subject {

    @Override
    public String subject() {
        return kind + " `" + authority + "`";
    }
}
