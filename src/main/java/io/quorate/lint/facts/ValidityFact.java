package io.quorate.lint.facts;

import io.quorate.diag.SourceLocation;

/**
 * A generic authority's validity window as the linter sees it on its day: {@code never} when the
 * window can no longer contain any moment from today on (it closed, or it is empty), with why.
 */
public record ValidityFact(String account, String authority, boolean never, String why, SourceLocation at) implements Subject {

    @Override
    public String subject() {
        return "authority `" + authority + "`";
    }
}
