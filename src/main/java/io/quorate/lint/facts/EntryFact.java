package io.quorate.lint.facts;

import io.quorate.diag.SourceLocation;

/**
 * One entry of an authority: a key, an account reference, a wait, an FT4 signer or a Casper
 * associated key. {@code firstAt} is where the same key or reference was already written in the
 * same authority (null when this is its first occurrence).
 */
public record EntryFact(
        String account,
        String authority,
        String kind,
        String entryKind,
        String label,
        long weight,
        SourceLocation firstAt,
        SourceLocation at) implements Subject {

    @Override
    public String subject() {
        return authority == null ? null : kind + " `" + authority + "`";
    }

    public boolean duplicate() {
        return firstAt != null;
    }
}
