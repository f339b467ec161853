package io.quorate.lint.facts;

import io.quorate.diag.SourceLocation;

/** A count or value the chain caps: {@code what} is measured {@code value} against the chain's {@code limit}. */
public record LimitFact(
        String account,
        String authority,
        String kind,
        String what,
        long value,
        long limit,
        String rule,
        SourceLocation at) implements Subject {

    @Override
    public String subject() {
        return authority == null ? null : kind + " `" + authority + "`";
    }
}
