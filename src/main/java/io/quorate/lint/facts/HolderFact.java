package io.quorate.lint.facts;

import io.quorate.diag.SourceLocation;

/** The keys one {@code holder} has among those an authority expands to, and whether they alone satisfy it. */
public record HolderFact(
        String account,
        String authority,
        String kind,
        String holder,
        int keyCount,
        String keys,
        boolean satisfies,
        SourceLocation at) implements Subject {

    @Override
    public String subject() {
        return kind + " `" + authority + "`";
    }
}
