package io.quorate.lint.facts;

import io.quorate.diag.SourceLocation;

/** One comparison {@code [op, variable, value]} of an FT4 descriptor's rules. */
public record RuleFact(
        String account,
        String descriptor,
        String op,
        String variable,
        long value,
        SourceLocation at) implements Subject {

    @Override
    public String authority() {
        return descriptor;
    }

    @Override
    public String subject() {
        return "descriptor `" + descriptor + "`";
    }
}
