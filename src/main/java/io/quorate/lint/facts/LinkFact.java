package io.quorate.lint.facts;

import io.quorate.diag.SourceLocation;

/** An EOS link {@code contract::action → permission}, and whether the account declares that permission. */
public record LinkFact(
        String account,
        String link,
        String permission,
        boolean declared,
        SourceLocation at) implements Subject {

    @Override
    public String authority() {
        return permission;
    }

    @Override
    public String subject() {
        return "link `" + link + "`";
    }
}
