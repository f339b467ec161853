package io.quorate.lint.facts;

import io.quorate.diag.SourceLocation;
import io.quorate.transaction.Context;
import java.util.function.Predicate;

/** One comparison {@code [op, variable, value]} of an FT4 descriptor's rules. */
public record RuleFact(
        String account,
        String descriptor,
        String op,
        String variable,
        long value,
        SourceLocation at,
        /** Whether the comparison holds at a transaction's context, as the chain judges it. */
        Predicate<Context> holds) implements Subject {

    @Override
    public String authority() {
        return descriptor;
    }

    @Override
    public String subject() {
        return "descriptor `" + descriptor + "`";
    }
}
